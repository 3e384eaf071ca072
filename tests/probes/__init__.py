"""Probes: the only code that calls student code.

A probe takes the student's module and plain inputs, runs the exercise, and
returns plain data. It judges nothing and holds no expected values, so the
autograder can run it inside its sandbox while the tests that judge its
results run outside.
"""
