"""DataLoaders as a dataclass with two fields."""
from dataclasses import dataclass

EXERCISE = "DataLoaders"


@dataclass
class DataLoaders:
    train: object
    valid: object
