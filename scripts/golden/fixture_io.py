"""Writing a golden fixture: the JSON file in OUTDIR and its entry in OUTDIR/manifest.json (replacing an older one
of the same kind), in the layout the Jest fixtures loader reads. Shared by the generators that write one fixture."""
from __future__ import annotations

import json
import os


def write_fixture(outdir: str, file: str, kind: str, content: dict, *, sort_keys: bool = False,
                  final_newline: bool = False) -> None:
    """NaN or infinity in CONTENT is an error: the fixtures are read by JSON.parse, which has neither."""
    with open(os.path.join(outdir, file), "w") as f:
        json.dump(content, f, indent=1, sort_keys=sort_keys, allow_nan=False)
        if final_newline:
            f.write("\n")
    manifest_path = os.path.join(outdir, "manifest.json")
    with open(manifest_path) as f:
        manifest = json.load(f)
    manifest["fixtures"] = [x for x in manifest["fixtures"] if x.get("kind") != kind]
    manifest["fixtures"].append({"file": file, "kind": kind, "case": kind})
    with open(manifest_path, "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
