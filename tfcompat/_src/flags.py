"""`tf.compat.v1.flags` and `tf.compat.v1.app.run`: absl-style command-line flags.

`FLAGS` parses `sys.argv` at the first flag read (TF's wrapper does, with `known_only=True`:
unknown flags stay in the remaining arguments), or at `app.run`. Accepted forms, as absl's:
`--name=value`, `--name value`, `--flag` / `--noflag` for booleans, `--` ends the flags.
"""

import sys
import types

from tfcompat._src.export import export, export_value


class Error(Exception):
    """absl's flags.Error."""


class IllegalFlagValueError(Error):
    pass


class DuplicateFlagError(Error):
    pass


class UnrecognizedFlagError(Error):
    pass


_TRUE, _FALSE = ("true", "t", "1", "yes", "y"), ("false", "f", "0", "no", "n")


def _parse_bool(text):
    if isinstance(text, bool):
        return text
    low = str(text).lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise ValueError("Non-boolean argument to boolean flag", text)


def _parse_list(text):
    if isinstance(text, (list, tuple)):
        return list(text)
    return [s.strip() for s in text.split(",")] if text else []


class _Flag:
    def __init__(self, name, default, help_text, parse, kind, **checks):
        self.name, self.help, self.parse, self.kind, self.checks = (
            name, help_text, parse, kind, checks)
        self.default = None if default is None else self._convert(default)
        self.value = self.default
        self.present = 0

    def _convert(self, text):
        try:
            value = self.parse(text)
        except (ValueError, TypeError) as e:
            raise IllegalFlagValueError(f"flag --{self.name}={text}: {e}") from None
        lower, upper = self.checks.get("lower_bound"), self.checks.get("upper_bound")
        if (lower is not None and value < lower) or (upper is not None and value > upper):
            bound = f">= {lower}" if upper is None else (
                f"<= {upper}" if lower is None else f"in the range [{lower}, {upper}]")
            raise IllegalFlagValueError(f"flag --{self.name}={text}: value should be {bound}")
        values = self.checks.get("enum_values")
        if values is not None and value not in values:
            raise IllegalFlagValueError(
                f"flag --{self.name}={text}: value should be one of <{'|'.join(values)}>")
        return value


class FlagValues:
    """absl's FlagValues: attribute access to flag values; `FLAGS(argv)` parses."""

    def __init__(self):
        object.__setattr__(self, "_flags", {})
        object.__setattr__(self, "_parsed", False)

    def _define(self, flag):
        if flag.name in self._flags:
            raise DuplicateFlagError(
                f"The flag '{flag.name}' is defined twice. First from {sys.argv[0]}, Second "
                f"from {sys.argv[0]}.  Description from first occurrence: "
                f"{self._flags[flag.name].help}")
        self._flags[flag.name] = flag

    def __getattr__(self, name):
        flags = object.__getattribute__(self, "_flags")
        if name not in flags:
            raise AttributeError(name)
        if not self._parsed:  # TF's wrapper parses sys.argv at the first read
            self(sys.argv, known_only=True)
        return flags[name].value

    def __setattr__(self, name, value):
        if name not in self._flags:
            raise AttributeError(name)
        self._flags[name].value = value

    def __contains__(self, name):
        return name in self._flags

    def __iter__(self):
        return iter(self._flags)

    def __getitem__(self, name):
        return self._flags[name]

    def __call__(self, argv, known_only=False):
        """Parses `argv` (argv[0] is the program); returns [argv[0]] + the arguments left."""
        argv = list(argv)
        rest, i = [argv[0]] if argv else [], 1
        while i < len(argv):
            arg = argv[i]
            i += 1
            if arg == "--":
                rest += argv[i:]
                break
            if not arg.startswith("-") or arg == "-":
                rest.append(arg)
                continue
            name, eq, value = arg.lstrip("-").partition("=")
            flag = self._flags.get(name)
            if flag is None and not eq and name.startswith("no") and name[2:] in self._flags \
                    and self._flags[name[2:]].kind == "bool":
                flag, value, eq = self._flags[name[2:]], "false", "="
            if flag is None:
                if known_only:
                    rest.append(arg)
                    continue
                raise UnrecognizedFlagError(f"Unknown command line flag '{name}'")
            if not eq:
                if flag.kind == "bool":
                    value = "true"
                elif i < len(argv):
                    value, i = argv[i], i + 1
                else:
                    raise Error(f"Flag --{name} must have a value other than None.")
            flag.value = flag._convert(value)
            flag.present += 1
        object.__setattr__(self, "_parsed", True)
        return rest

    def is_parsed(self):
        return self._parsed

    def mark_as_parsed(self):
        object.__setattr__(self, "_parsed", True)

    def unparse_flags(self):
        for flag in self._flags.values():
            flag.value, flag.present = flag.default, 0
        object.__setattr__(self, "_parsed", False)

    def flag_values_dict(self):
        return {name: flag.value for name, flag in self._flags.items()}

    def get_flag_value(self, name, default):
        return self._flags[name].value if name in self._flags else default


FLAGS = FlagValues()


def _definer(parse, kind):
    def define(name, default, help, flag_values=FLAGS, **checks):  # noqa: A002 - absl's name
        flag_values._define(_Flag(name, default, help, parse, kind, **checks))
    return define


DEFINE_string = _definer(str, "string")
def _parse_int(text):
    if isinstance(text, int):
        return text
    base = 16 if len(text) > 2 and text[0] == "0" and text[1] in "xX" else 10  # as absl
    return int(text, base)


DEFINE_integer = _definer(_parse_int, "int")
DEFINE_float = _definer(float, "float")
DEFINE_boolean = DEFINE_bool = _definer(_parse_bool, "bool")
DEFINE_list = _definer(_parse_list, "list")


def DEFINE_enum(name, default, enum_values, help, flag_values=FLAGS):  # noqa: N802, A002
    flag_values._define(_Flag(name, default, help, str, "enum", enum_values=list(enum_values)))


def mark_flag_as_required(flag_name, flag_values=FLAGS):
    """Accepted; absl checks required flags in app.run, tfcompat does not (yet)."""


def run(main=None, argv=None):
    """`tf.compat.v1.app.run`: parses flags from `argv` (default sys.argv), keeping unknown ones,
    then exits with `main(remaining argv)` (main defaults to `__main__.main`)."""
    main = main or sys.modules["__main__"].main
    try:
        args = FLAGS(sys.argv if argv is None else argv, known_only=True)
    except Error as e:
        sys.stderr.write(f"FATAL Flags parsing error: {e}\n")
        sys.stderr.write("Pass --helpshort or --helpfull to see help on flags.\n")
        sys.exit(1)
    sys.exit(main(args))


flags = types.ModuleType("tfcompat.flags", __doc__)
for _name in ("FLAGS", "FlagValues", "Error", "IllegalFlagValueError", "DuplicateFlagError",
              "UnrecognizedFlagError", "DEFINE_string", "DEFINE_integer", "DEFINE_float",
              "DEFINE_boolean", "DEFINE_bool", "DEFINE_list", "DEFINE_enum",
              "mark_flag_as_required"):
    setattr(flags, _name, globals()[_name])
export_value(flags, (), ("flags", "app.flags"))
export(v1=("app.run",))(run)
