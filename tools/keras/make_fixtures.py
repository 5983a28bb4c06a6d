"""Writes Sequential models as Keras's own model.to_json() does, for TuneLab's template tests.

Run through tools/keras/make-fixtures.sh. Each fixture is a model a Keras user would write for one
of the data kinds TuneLab tunes (tabular, images, text, time series), covering the layer classes,
activations, initializers and regularizers the template language accepts.
"""
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "torch")
import keras  # noqa: E402  (the backend must be chosen before the import)
from keras import layers, regularizers  # noqa: E402


def models():
    yield "mlp-tabular", keras.Sequential([
        keras.Input((4,)),
        layers.Dense(32, activation="relu", kernel_initializer="he_normal",
                     kernel_regularizer=regularizers.l2(1e-4)),
        layers.Dropout(0.2),
        layers.Dense(16, activation="tanh"),
        layers.BatchNormalization(),
        layers.Dense(3, activation="softmax"),
    ], name="mlp_tabular")
    yield "cnn-images", keras.Sequential([
        keras.Input((28, 28, 1)),
        layers.Conv2D(32, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(2),
        layers.Conv2D(64, (3, 3), activation="elu", kernel_regularizer=regularizers.l1_l2(l1=1e-5, l2=1e-4)),
        layers.AveragePooling2D(2),
        layers.BatchNormalization(),
        layers.Flatten(),
        layers.Dense(128, activation="gelu"),
        layers.Dropout(0.3),
        layers.Dense(10, activation="softmax"),
    ], name="cnn_images")
    yield "cnn-global-pooling", keras.Sequential([
        keras.Input((28, 28, 1)),
        layers.Conv2D(16, 5, strides=2, activation="selu", kernel_initializer="glorot_uniform"),
        layers.Activation("swish"),
        layers.GlobalAveragePooling2D(),
        layers.Dense(10, activation="softmax"),
    ], name="cnn_global_pooling")
    yield "lstm-text", keras.Sequential([
        keras.Input((100,), dtype="int32"),
        layers.Embedding(10000, 32),
        layers.Bidirectional(layers.LSTM(32, return_sequences=True)),
        layers.GlobalMaxPooling1D(),
        layers.Dense(1, activation="sigmoid"),
    ], name="lstm_text")
    yield "rnn-series", keras.Sequential([
        keras.Input((50, 1)),
        layers.Conv1D(16, 5, activation="relu"),
        layers.MaxPooling1D(2),
        layers.AveragePooling1D(2),
        layers.SimpleRNN(16),
        layers.Dense(8, activation="leaky_relu"),
        layers.Dense(1),
    ], name="rnn_series")
    yield "lstm-series-global", keras.Sequential([
        keras.Input((50, 3)),
        layers.LSTM(24, return_sequences=True),
        layers.GlobalAveragePooling1D(),
        layers.Dense(1, activation="linear"),
    ], name="lstm_series_global")


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    counts = {}
    for name, model in models():
        path = os.path.join(out_dir, f"{name}.keras{keras.__version__.split('.')[0]}.json")
        with open(path, "w") as f:
            # Indented for review; the content is exactly what to_json() returns.
            json.dump(json.loads(model.to_json()), f, indent=2)
            f.write("\n")
        counts[os.path.basename(path)] = model.count_params()
        print(f"{path}: {len(model.layers)} layers, {model.count_params()} parameters (Keras {keras.__version__})")
    # Keras's own parameter counts: the oracle for TuneLab's shape inference of the same models.
    with open(os.path.join(out_dir, "parameter-counts.json"), "w") as f:
        json.dump(counts, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "core/src/test/resources/keras")
