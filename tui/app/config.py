"""The user's config file: the theme, and `[keymap] binding_id = "keys"` to rebind keys.

    theme = "nord"          # kept by the app when the user switches theme

    [keymap]
    search = "ctrl+f"
    next_quote = "x,n"
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

# The bindings that quit the app: no rebinding of another binding may take their keys.
QUIT_IDS = ("quit", "quit_ctrl")
EVERYWHERE = "Everywhere"


@dataclass
class Config:
    keymap: dict[str, str] = field(default_factory=dict)  # binding id -> keys ("x,n")
    theme: str | None = None
    problems: list[str] = field(default_factory=list)  # one line each, naming the file


def config_path() -> Path:
    """`NEWSREADER_CONFIG`, else config.toml in the platform's user config folder."""
    env = os.environ.get("NEWSREADER_CONFIG")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path("newsreader") / "config.toml"


def load_config(path: Path | None) -> Config:
    """The config in the file at `path` and the problems found (a missing file is no problem)."""
    if path is None or not path.exists():
        return Config()
    import tomllib  # only when there is a file: most starts have none

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        return Config(problems=[f"{path}: {e}"])
    config = Config()
    theme = data.get("theme")
    if isinstance(theme, str) and theme:
        config.theme = theme
    elif theme is not None:
        config.problems.append(f'{path}: theme must be a theme\'s name, like "nord"')
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict):
        config.problems.append(f"{path}: [keymap] must be a table of binding_id = \"keys\"")
        return config
    for binding_id, keys in keymap.items():
        if isinstance(keys, list) and all(isinstance(k, str) for k in keys):
            keys = ",".join(keys)
        if isinstance(keys, str) and keys.strip():
            config.keymap[str(binding_id)] = keys.replace(" ", "")
        else:
            config.problems.append(f"{path}: keymap.{binding_id} must be a string of keys like \"ctrl+n\"")
    return config


def check_keymap(
    keymap: dict[str, str], bindings: list[tuple[str, str, str]], panes: set[str], path: Path | None
) -> tuple[dict[str, str], list[str]]:
    """The keymap to apply, and a warning for each mistake in it.

    bindings: (pane, binding id, default keys) for every binding, EVERYWHERE's first. The
    keys of `panes` (the main screen's) shadow EVERYWHERE's while one has focus; other
    screens' keys are their own. Mistakes: an id no binding has (dropped); a key bound
    twice (kept, warned about); and a rebinding that would make a key that quits do
    something else (dropped: the binding keeps its default keys, and quitting still works).
    """
    where = path if path is not None else "config"
    known = {binding_id for _, binding_id, _ in bindings}
    problems = []
    kept = {}
    for binding_id, keys in keymap.items():
        if binding_id in known:
            kept[binding_id] = keys
        else:
            problems.append(f'{where}: keymap.{binding_id} = "{keys}": no binding has this id (? lists them)')

    def keys_of(binding_id: str, default: str) -> list[str]:
        return [k.strip() for k in kept.get(binding_id, default).split(",") if k.strip()]

    main = [(binding_id, default) for pane, binding_id, default in bindings if pane == EVERYWHERE or pane in panes]
    quitting = [(binding_id, default) for binding_id, default in main if binding_id in QUIT_IDS]
    # A key that quits stays one: a quit binding is not moved onto another binding's key,
    others = {k for binding_id, default in main if binding_id not in QUIT_IDS for k in keys_of(binding_id, default)}
    for binding_id, default in quitting:
        taken = [k for k in keys_of(binding_id, default) if k in others]
        if binding_id in kept and taken:
            problems.append(f'{where}: keymap.{binding_id} = "{kept.pop(binding_id)}": {taken[0]} does something else, '
                            f'so {binding_id} keeps "{default}"')
    # and no other binding takes a key that quits.
    quit_keys = {k for binding_id, default in quitting for k in keys_of(binding_id, default)}
    for binding_id, default in main:
        taken = [k for k in keys_of(binding_id, default) if k in quit_keys]
        if binding_id in kept and binding_id not in QUIT_IDS and taken:
            problems.append(f'{where}: keymap.{binding_id} = "{kept.pop(binding_id)}": {taken[0]} quits, '
                            f'so {binding_id} keeps "{default}"')

    # Keys bound twice: within one pane, or a pane's key over one of EVERYWHERE.
    owners: dict[tuple[str, str], str] = {}  # (pane, key) -> binding id
    for pane, binding_id, default in bindings:
        for key in keys_of(binding_id, default):
            for scope in {pane, EVERYWHERE} if pane in panes else {pane}:
                other = owners.get((scope, key))
                if other is not None and other != binding_id and (binding_id in kept or other in kept):
                    rebound = binding_id if binding_id in kept else other
                    problems.append(
                        f'{where}: keymap.{rebound} = "{kept[rebound]}": {key} is bound to both {other} and {binding_id}'
                    )
            owners.setdefault((pane, key), binding_id)
    return kept, problems


def save_theme(path: Path, theme: str) -> None:
    """Keep `theme` in the config file, leaving the rest of it (and its comments) as it was.

    Raises OSError (or a TOML error for a file that is not TOML) for the caller to report.
    """
    import tomlkit

    doc = tomlkit.parse(path.read_text(encoding="utf-8")) if path.exists() else tomlkit.document()
    if doc.get("theme") == theme:
        return
    doc["theme"] = theme
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(tomlkit.dumps(doc), encoding="utf-8")
    os.replace(temporary, path)  # never a half-written config
