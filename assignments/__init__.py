"""Deep Learning from the Foundations: the reference implementation.

Each module is one assignment of the course. `grader build` turns every
`### BEGIN SOLUTION` / `### END SOLUTION` region into a stub and writes the
result to `assignments/`, which is what students receive.
"""
