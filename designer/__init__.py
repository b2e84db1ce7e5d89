"""DAO Primitives Designer: the pure-Python core (no Qt).

Model, framework data, commands with undo, strict YAML/JSON I/O, rules, layout, exporters and
the headless CLI. The desktop app in ``ui/`` only wraps what lives here.
"""

__version__ = "0.1.0"
FORMAT = "dao-designer/1"
