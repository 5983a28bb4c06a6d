"""Writes the Keras 2 versions of the six fixture models, as Keras 2's model.to_json() wrote them.

Keras 2 cannot be installed here (the package index has Keras 3 only), so the layouts below are
written from Keras 2's get_config code, in the three shapes found in the wild:
  * tf.keras 2.13-2.15: layers and nested objects carry "module" and "registered_name", built
    layers a "build_config"; an InputLayer holds "batch_input_shape"; dtype is a string; float32
    factors such as l2(1e-4) come out as 9.999999747378752e-05.
  * tf.keras 2.4-2.12: the same without "module", "registered_name" and "build_config".
  * Keras 2.2 (standalone): no InputLayer, "batch_input_shape" in the first layer's config,
    Glorot/He initializers written as VarianceScaling and l2() as L1L2 with l1 = 0.
check_keras2.py loads each with Keras 3 and compares the parameter count with Keras's own.
"""
import json
import os
import sys

F32_1E4 = 9.999999747378752e-05  # float32(1e-4) as Keras 2 printed it
F32_1E5 = 9.999999747378752e-06


class Style:
    def __init__(self, version, modules):
        self.version = version
        self.modules = modules

    def obj(self, package, class_name, config, build_shape=None):
        if not self.modules:
            return {"class_name": class_name, "config": config}
        o = {"module": package, "class_name": class_name, "config": config, "registered_name": None}
        if build_shape is not None:
            o["build_config"] = {"input_shape": build_shape}
        return o

    def init(self, class_name, **config):
        return self.obj("keras.initializers", class_name, {**config, "seed": None} if class_name not in ("Zeros", "Ones") else {})

    def glorot(self):
        if self.version.startswith("2.2"):
            return {"class_name": "VarianceScaling",
                    "config": {"scale": 1.0, "mode": "fan_avg", "distribution": "uniform", "seed": None}}
        return self.init("GlorotUniform")

    def he_normal(self):
        if self.version.startswith("2.2"):
            return {"class_name": "VarianceScaling",
                    "config": {"scale": 2.0, "mode": "fan_in", "distribution": "normal", "seed": None}}
        return self.init("HeNormal")

    def l2(self, f):
        if self.version.startswith("2.2"):
            return {"class_name": "L1L2", "config": {"l1": 0.0, "l2": f}}
        return self.obj("keras.regularizers", "L2", {"l2": f})

    def l1_l2(self, l1, l2):
        return self.obj("keras.regularizers", "L1L2", {"l1": l1, "l2": l2})

    def layer(self, class_name, name, build_shape, **config):
        base = {"name": name, "trainable": True}
        if not self.version.startswith("2.2"):
            base["dtype"] = "float32"
        elif "batch_input_shape" in config:
            base["batch_input_shape"] = config.pop("batch_input_shape")
            base["dtype"] = "float32"
        return self.obj("keras.layers", class_name, {**base, **config}, build_shape)

    def input(self, shape, dtype="float32", name="input_1"):
        return self.obj("keras.layers", "InputLayer", {
            "batch_input_shape": [None, *shape], "dtype": dtype, "sparse": False, "ragged": False, "name": name})

    def dense(self, name, shape, units, activation="linear", init=None, reg=None, **extra):
        return self.layer("Dense", name, shape, **extra, units=units, activation=activation, use_bias=True,
                          kernel_initializer=init or self.glorot(), bias_initializer=self.init("Zeros"),
                          kernel_regularizer=reg, bias_regularizer=None, activity_regularizer=None,
                          kernel_constraint=None, bias_constraint=None)

    def dropout(self, name, shape, rate):
        return self.layer("Dropout", name, shape, rate=rate, noise_shape=None, seed=None)

    def batch_norm(self, name, shape, axis):
        return self.layer("BatchNormalization", name, shape, axis=axis, momentum=0.99, epsilon=0.001,
                          center=True, scale=True, beta_initializer=self.init("Zeros"),
                          gamma_initializer=self.init("Ones"), moving_mean_initializer=self.init("Zeros"),
                          moving_variance_initializer=self.init("Ones"), beta_regularizer=None,
                          gamma_regularizer=None, beta_constraint=None, gamma_constraint=None)

    def conv(self, rank, name, shape, filters, kernel, strides=1, padding="valid", activation="linear", reg=None):
        return self.layer(f"Conv{rank}D", name, shape, filters=filters, kernel_size=[kernel] * rank,
                          strides=[strides] * rank, padding=padding, data_format="channels_last",
                          dilation_rate=[1] * rank, groups=1, activation=activation, use_bias=True,
                          kernel_initializer=self.glorot(), bias_initializer=self.init("Zeros"),
                          kernel_regularizer=reg, bias_regularizer=None, activity_regularizer=None,
                          kernel_constraint=None, bias_constraint=None)

    def pool(self, kind, rank, name, shape, size=2):
        return self.layer(f"{kind}Pooling{rank}D", name, shape, pool_size=[size] * rank, padding="valid",
                          strides=[size] * rank, data_format="channels_last")

    def global_pool(self, kind, rank, name, shape):
        return self.layer(f"Global{kind}Pooling{rank}D", name, shape, data_format="channels_last", keepdims=False)

    def rnn(self, class_name, name, shape, units, return_sequences):
        lstm = class_name == "LSTM"
        config = dict(return_sequences=return_sequences, return_state=False, go_backwards=False, stateful=False,
                      unroll=False, time_major=False, units=units, activation="tanh")
        if lstm:
            config["recurrent_activation"] = "sigmoid"
        config.update(use_bias=True, kernel_initializer=self.glorot(),
                      recurrent_initializer=self.obj("keras.initializers", "Orthogonal", {"gain": 1.0, "seed": None}),
                      bias_initializer=self.init("Zeros"))
        if lstm:
            config["unit_forget_bias"] = True
        config.update(kernel_regularizer=None, recurrent_regularizer=None, bias_regularizer=None,
                      activity_regularizer=None, kernel_constraint=None, recurrent_constraint=None,
                      bias_constraint=None, dropout=0.0, recurrent_dropout=0.0)
        if lstm:
            config["implementation"] = 2
        return self.layer(class_name, name, shape, **config)

    def model(self, name, layers):
        return {"class_name": "Sequential", "config": {"name": name, "layers": layers},
                "keras_version": self.version, "backend": "tensorflow"}


def models():
    k22, k211, k215 = Style("2.2.4", False), Style("2.11.0", False), Style("2.15.0", True)
    s = k22
    yield "mlp-tabular", s.model("sequential_1", [
        s.dense("dense_1", None, 32, "relu", s.he_normal(), s.l2(F32_1E4), batch_input_shape=[None, 4]),
        s.dropout("dropout_1", None, 0.2),
        s.dense("dense_2", None, 16, "tanh"),
        s.batch_norm("batch_normalization_1", None, -1),
        s.dense("dense_3", None, 3, "softmax"),
    ])
    s = k215
    yield "cnn-images", s.model("cnn_images", [
        s.input([28, 28, 1]),
        s.conv(2, "conv2d", [None, 28, 28, 1], 32, 3, padding="same", activation="relu"),
        s.pool("Max", 2, "max_pooling2d", [None, 28, 28, 32]),
        s.conv(2, "conv2d_1", [None, 14, 14, 32], 64, 3, activation="elu", reg=s.l1_l2(F32_1E5, F32_1E4)),
        s.pool("Average", 2, "average_pooling2d", [None, 12, 12, 64]),
        s.batch_norm("batch_normalization", [None, 6, 6, 64], [3]),
        s.layer("Flatten", "flatten", [None, 6, 6, 64], data_format="channels_last"),
        s.dense("dense", [None, 2304], 128, "gelu"),
        s.dropout("dropout", [None, 128], 0.3),
        s.dense("dense_1", [None, 128], 10, "softmax"),
    ])
    yield "cnn-global-pooling", s.model("cnn_global_pooling", [
        s.input([28, 28, 1]),
        s.conv(2, "conv2d", [None, 28, 28, 1], 16, 5, strides=2, activation="selu"),
        s.layer("Activation", "activation", [None, 12, 12, 16], activation="swish"),
        s.global_pool("Average", 2, "global_average_pooling2d", [None, 12, 12, 16]),
        s.dense("dense", [None, 16], 10, "softmax"),
    ])
    lstm = s.rnn("LSTM", "lstm", [None, 100, 32], 32, True)
    yield "lstm-text", s.model("lstm_text", [
        s.input([100], dtype="int32"),
        s.layer("Embedding", "embedding", [None, 100], input_dim=10000, output_dim=32,
                embeddings_initializer=s.obj("keras.initializers", "RandomUniform",
                                             {"minval": -0.05, "maxval": 0.05, "seed": None}),
                embeddings_regularizer=None, activity_regularizer=None, embeddings_constraint=None,
                mask_zero=False, input_length=None),
        s.layer("Bidirectional", "bidirectional", [None, 100, 32], layer=lstm, merge_mode="concat"),
        s.global_pool("Max", 1, "global_max_pooling1d", [None, 100, 64]),
        s.dense("dense", [None, 64], 1, "sigmoid"),
    ])
    s = k211
    yield "rnn-series", s.model("rnn_series", [
        s.input([50, 1]),
        s.conv(1, "conv1d", None, 16, 5, activation="relu"),
        s.pool("Max", 1, "max_pooling1d", None),
        s.pool("Average", 1, "average_pooling1d", None),
        s.rnn("SimpleRNN", "simple_rnn", None, 16, False),
        s.dense("dense", None, 8, "leaky_relu"),  # tf.nn.leaky_relu, serialized by its name
        s.dense("dense_1", None, 1),
    ])
    yield "lstm-series-global", s.model("lstm_series_global", [
        s.input([50, 3]),
        s.rnn("LSTM", "lstm", None, 24, True),
        s.global_pool("Average", 1, "global_average_pooling1d", None),
        s.dense("dense", None, 1, "linear"),
    ])


def main(out_dir):
    for name, model in models():
        path = os.path.join(out_dir, f"{name}.keras2.json")
        with open(path, "w") as f:
            json.dump(model, f, indent=2)
            f.write("\n")
        print(f"{path}: Keras {model['keras_version']} layout")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "core/src/test/resources/keras")
