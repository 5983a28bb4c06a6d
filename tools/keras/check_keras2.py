"""Loads each *.keras2.json fixture with real Keras 3 (model_from_json) and compares its parameter
count with the one Keras counted for the same model in Keras 3 form (parameter-counts.json).

Run through tools/keras/check-keras2.sh; its output is quoted in tools/keras/README.md.
"""
import glob
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "torch")
import keras  # noqa: E402  (the backend must be chosen before the import)
from keras.src.legacy.saving import saving_utils  # noqa: E402


def without_time_major(config):
    """Keras 2's RNN layers write time_major (always false here); Keras 3 has no such argument."""
    config.pop("time_major", None)
    return "time_major dropped"


def axis_as_int(config):
    """Keras 2 writes a built BatchNormalization's axis as a list ([3]); Keras 3 takes an int."""
    if isinstance(config.get("axis"), list) and len(config["axis"]) == 1:
        config["axis"] = config["axis"][0]
        return "axis [n] read as n"
    return None


LEGACY_FIXES = [without_time_major, axis_as_int]


def apply_fixes(node, done):
    if isinstance(node, dict):
        if isinstance(node.get("config"), dict) and "class_name" in node:
            for fix in LEGACY_FIXES:
                if (fix is without_time_major and "time_major" in node["config"]) or fix is axis_as_int:
                    what = fix(node["config"])
                    if what:
                        done.add(what)
        for v in node.values():
            apply_fixes(v, done)
    elif isinstance(node, list):
        for v in node:
            apply_fixes(v, done)


def load(text):
    """model_from_json first; Keras 3 reads Keras 2 layouts only through its legacy .h5 loader,
    and that one still refuses two Keras 2 details, which are adapted and reported."""
    try:
        return keras.models.model_from_json(text), "model_from_json"
    except TypeError:
        pass
    try:
        return saving_utils.model_from_config(json.loads(text)), "legacy loader"
    except (TypeError, ValueError) as e:
        first = f"{type(e).__name__}: {str(e).splitlines()[0][:120]}"
    config, done = json.loads(text), set()
    apply_fixes(config, done)
    return saving_utils.model_from_config(config), f"legacy loader after {', '.join(sorted(done))} (first refusal: {first})"


def main(fixtures):
    counts = json.load(open(os.path.join(fixtures, "parameter-counts.json")))
    failed = 0
    for path in sorted(glob.glob(os.path.join(fixtures, "*.keras2.json"))):
        name = os.path.basename(path)
        expected = counts[name.replace(".keras2.", ".keras3.")]
        text = open(path).read()
        try:
            model, how = load(text)
            params = model.count_params()
            verdict = ("ok" if params == expected else f"MISMATCH (expected {expected})") + f", via {how}"
        except Exception as e:  # noqa: BLE001 (each refusal is reported, not fatal)
            params, verdict = "-", f"REFUSED: {type(e).__name__}: {str(e).splitlines()[0][:160]}"
        failed += not verdict.startswith("ok")
        print(f"{name} (Keras {json.loads(text)['keras_version']}): {params} parameters, {verdict}")
    return failed


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1] if len(sys.argv) > 1 else "core/src/test/resources/keras") else 0)
