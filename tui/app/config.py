"""The user's config file: `[keymap] binding_id = "keys"` rebinds the app's keys."""
from __future__ import annotations

import os
from pathlib import Path


def config_path() -> Path:
    """`NEWSREADER_CONFIG`, else config.toml in the platform's user config folder."""
    env = os.environ.get("NEWSREADER_CONFIG")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path("newsreader") / "config.toml"


def load_keymap(path: Path | None) -> tuple[dict[str, str], list[str]]:
    """The keymap in the file at `path` and the problems found (a missing file is no problem)."""
    if path is None or not path.exists():
        return {}, []
    import tomllib  # only when there is a file: most starts have none

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        return {}, [f"{path}: {e}"]
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict):
        return {}, [f"{path}: [keymap] must be a table of binding_id = \"keys\""]
    good, problems = {}, []
    for binding_id, keys in keymap.items():
        if isinstance(keys, list) and all(isinstance(k, str) for k in keys):
            keys = ",".join(keys)
        if isinstance(keys, str) and keys.strip():
            good[str(binding_id)] = keys.replace(" ", "")
        else:
            problems.append(f"{path}: keymap.{binding_id} must be a string of keys like \"ctrl+n\"")
    return good, problems
