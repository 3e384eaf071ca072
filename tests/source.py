"""Reading a student's module as the judge does: what a function runs, for rules checked on the source.

The source is read in the trusted process (`impl.source`), so what these find
cannot be rewritten by the student's code at run time.
"""
from __future__ import annotations

import ast

DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def code_of(tree: ast.Module, name: str) -> list[ast.AST]:
    """What `name` runs: its def, the module's own statements, and every def it reaches by name (helpers,
    other exercises), transitively, as the module binds them when it has run: a later def of the same name
    replaces an earlier one, and `_old = name` before it keeps the earlier one under the new name."""
    bound: dict[str, ast.AST] = {}
    for node in tree.body:
        if isinstance(node, DEFINITIONS):
            bound[node.name] = node
        elif (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
              and isinstance(node.value, ast.Name) and node.value.id in bound):
            bound[node.targets[0].id] = bound[node.value.id]
    reached, todo = [], [bound[name]] if name in bound else []
    while todo:
        node = todo.pop()
        reached.append(node)
        todo += [bound[n.id] for n in ast.walk(node) if isinstance(n, ast.Name) and n.id in bound
                 and bound[n.id] not in reached and bound[n.id] not in todo]
    return reached + [node for node in tree.body if not isinstance(node, DEFINITIONS)]


def words(nodes: list[ast.AST]) -> list[tuple[str, str, int]]:
    """(kind, word, line) for every name, attribute and imported name in `nodes`: kind is "name",
    "attribute" or "import" (an imported name, `from X import word`, as `X.word`)."""
    found = []
    for top in nodes:
        for node in ast.walk(top):
            line = getattr(node, "lineno", 0)
            if isinstance(node, ast.Name):
                found.append(("name", node.id, line))
            elif isinstance(node, ast.Attribute):
                found.append(("attribute", node.attr, line))
            elif isinstance(node, ast.ImportFrom):
                found += [("import", f"{'.' * node.level}{node.module or ''}.{alias.name}", line)
                          for alias in node.names]
    return found
