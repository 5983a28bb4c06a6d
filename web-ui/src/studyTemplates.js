// Starter studies for the New study page. Each is taken from examples/, bench/ or the app's
// integration tests (ArchitectureSearchTest, DataKindsStudyTest), where it is known to run.
//
// `datasetKind` is null for studies on the built-in iris set; otherwise the study needs an
// uploaded dataset of that kind, and `@DATASET@` in its text is replaced by that dataset's id.
// `upload` pre-fills the upload form for such a dataset (kind, label column, ...) and `hint`
// says which file to bring.

export const DATASET_PLACEHOLDER = '@DATASET@';

export const STUDY_TEMPLATES = [
  {
    id: 'iris-bayesian-asha',
    label: 'Iris MLP (Bayesian + ASHA)',
    datasetKind: null,
    text: `{
  "name": "Iris MLP, Bayesian optimization with ASHA early stopping",
  "dataset": "iris",
  "objective": { "metric": "val_accuracy", "direction": "maximize" },
  "algorithm": { "name": "bayesian", "seed": 5 },
  "pruner": { "name": "asha", "minEpochs": 1, "reductionFactor": 3 },
  "budget": { "maxTrials": 20, "parallelTrials": 2, "epochs": 27 },
  "space": {
    "units": { "type": "int", "min": 4, "max": 64 },
    "activation": { "type": "choice", "values": ["relu", "tanh", "elu"] },
    "dropout": { "type": "float", "min": 0.0, "max": 0.4 },
    "lr": { "type": "float", "min": 0.0001, "max": 0.1, "log": true }
  },
  "template": {
    "layers": [
      { "type": "Dense", "units": { "param": "units" }, "activation": { "param": "activation" } },
      { "type": "Dropout", "rate": { "param": "dropout" } }
    ],
    "optimizer": "adam",
    "learning_rate": { "param": "lr" },
    "batch_size": 16
  }
}
`,
  },
  {
    id: 'iris-grid',
    label: 'Iris grid search',
    datasetKind: null,
    text: `{
  "name": "Iris MLP, grid search",
  "dataset": "iris",
  "objective": { "metric": "val_accuracy", "direction": "maximize" },
  "algorithm": { "name": "grid" },
  "budget": { "parallelTrials": 2, "epochs": 20 },
  "space": {
    "units": { "type": "choice", "values": [8, 32] },
    "optimizer": { "type": "choice", "values": ["adam", "rmsprop", "sgd"] }
  },
  "template": {
    "layers": [
      { "type": "Dense", "units": { "param": "units" }, "activation": "relu" }
    ],
    "optimizer": { "param": "optimizer" },
    "learning_rate": 0.01,
    "batch_size": 16
  }
}
`,
  },
  {
    id: 'iris-tpe-depth',
    label: 'Iris MLP of variable depth (TPE + median)',
    datasetKind: null,
    text: `{
  "name": "Iris MLP of variable depth, TPE with the median pruner",
  "dataset": "iris",
  "objective": { "metric": "val_accuracy", "direction": "maximize" },
  "algorithm": { "name": "tpe", "seed": 11 },
  "pruner": { "name": "median", "warmupEpochs": 3, "minTrials": 4 },
  "budget": { "maxTrials": 24, "parallelTrials": 2, "epochs": 20 },
  "space": {
    "layers": { "type": "int", "min": 1, "max": 3 },
    "units_1": { "type": "int", "min": 4, "max": 64, "step": 4 },
    "units_2": { "type": "int", "min": 4, "max": 64, "step": 4, "when": { "param": "layers", "min": 2 } },
    "units_3": { "type": "int", "min": 4, "max": 64, "step": 4, "when": { "param": "layers", "min": 3 } },
    "optimizer": { "type": "choice", "values": ["adam", "sgd"] },
    "lr": { "type": "float", "min": 0.0001, "max": 0.1, "log": true }
  },
  "template": {
    "layers": [
      { "type": "Dense", "units": { "param": "units_1" }, "activation": "relu" },
      { "type": "Dense", "units": { "param": "units_2" }, "activation": "relu" },
      { "type": "Dense", "units": { "param": "units_3" }, "activation": "relu" }
    ],
    "optimizer": { "param": "optimizer" },
    "learning_rate": { "param": "lr" },
    "batch_size": 16
  }
}
`,
  },
  {
    id: 'fashion-mnist-cnn',
    label: 'Fashion-MNIST CNN',
    datasetKind: 'images',
    upload: { kind: 'images' },
    hint: 'Needs an images dataset: upload Fashion-MNIST’s train-images-idx3-ubyte.gz with its labels file, or a zip of class folders.',
    text: `{
  "name": "Fashion-MNIST CNN: depth, filters per block, head",
  "dataset": ${DATASET_PLACEHOLDER},
  "test": { "fraction": 0.1 },
  "objective": { "metric": "val_accuracy", "direction": "maximize" },
  "algorithm": { "name": "bayesian", "seed": 11 },
  "pruner": { "name": "asha", "minEpochs": 1, "reductionFactor": 3 },
  "budget": { "maxTrials": 6, "parallelTrials": 1, "epochs": 6 },
  "validationSplit": 0.1,
  "space": {
    "blocks": { "type": "int", "min": 1, "max": 2 },
    "filters": { "type": "choice", "values": [16, 32] },
    "dense": { "type": "choice", "values": [64, 128] },
    "dropout": { "type": "float", "min": 0.0, "max": 0.4 },
    "lr": { "type": "float", "min": 0.0005, "max": 0.003, "log": true }
  },
  "template": {
    "layers": [
      { "type": "Repeat", "times": { "param": "blocks" }, "layers": [
        { "type": "Conv2D", "filters": { "param": "filters" }, "kernel_size": 3, "padding": "same", "activation": "relu" },
        { "type": "MaxPooling2D", "pool_size": 2 }
      ] },
      { "type": "Flatten" },
      { "type": "Dense", "units": { "param": "dense" }, "activation": "relu" },
      { "type": "Dropout", "rate": { "param": "dropout" } }
    ],
    "optimizer": "adam",
    "learning_rate": { "param": "lr" },
    "batch_size": 128
  }
}
`,
  },
  {
    id: 'diabetes-regression',
    label: 'Diabetes regression (MLP, Repeat depth)',
    datasetKind: 'table',
    upload: { kind: 'table', label: 'target', task: 'regression' },
    hint: 'Needs a regression table: upload diabetes.csv with label column “target”.',
    text: `{
  "name": "Diabetes regression, MLP of 1-2 Dense blocks",
  "dataset": ${DATASET_PLACEHOLDER},
  "test": { "fraction": 0.1 },
  "objective": { "metric": "val_rmse", "direction": "minimize" },
  "algorithm": { "name": "random", "seed": 2 },
  "budget": { "maxTrials": 3, "parallelTrials": 2, "epochs": 30 },
  "space": {
    "depth": { "type": "int", "min": 1, "max": 2 },
    "units": { "type": "int", "min": 8, "max": 32 }
  },
  "template": {
    "layers": [
      { "type": "Repeat", "times": { "param": "depth" }, "layers": [
        { "type": "Dense", "units": { "param": "units" }, "activation": "relu", "kernel_regularizer": "l2" }
      ] }
    ],
    "optimizer": "adam",
    "learning_rate": 0.01,
    "batch_size": 32,
    "learning_rate_schedule": { "type": "exponential", "decay_rate": 0.9, "decay_steps": 5 }
  }
}
`,
  },
  {
    id: 'text-sentiment-lstm',
    label: 'Text sentiment (Embedding + LSTM)',
    datasetKind: 'tokens',
    upload: { kind: 'tokens', label: 'sentiment', column: 'review' },
    hint: 'Needs a tokens dataset: upload a CSV of texts (kind tokens, text column “review”, label “sentiment”).',
    text: `{
  "name": "Review sentiment, Embedding + LSTM",
  "dataset": ${DATASET_PLACEHOLDER},
  "test": { "fraction": 0.1 },
  "objective": { "metric": "val_accuracy", "direction": "maximize" },
  "algorithm": { "name": "random", "seed": 5 },
  "budget": { "maxTrials": 2, "parallelTrials": 2, "epochs": 12 },
  "space": {
    "dim": { "type": "choice", "values": [16, 24] },
    "units": { "type": "int", "min": 16, "max": 32 }
  },
  "template": {
    "layers": [
      { "type": "Embedding", "output_dim": { "param": "dim" } },
      { "type": "LSTM", "units": { "param": "units" } }
    ],
    "optimizer": "adam",
    "learning_rate": 0.01,
    "batch_size": 32
  }
}
`,
  },
  {
    id: 'timeseries-conv1d',
    label: 'Time-series forecast (Conv1D)',
    datasetKind: 'timeseries',
    upload: { kind: 'timeseries', label: 'load', window: '24' },
    hint: 'Needs a time series: upload a numeric CSV in time order (kind timeseries, window 24).',
    text: `{
  "name": "Load forecast, Conv1D over 24-step windows",
  "dataset": ${DATASET_PLACEHOLDER},
  "algorithm": { "name": "random", "seed": 1 },
  "budget": { "maxTrials": 4, "parallelTrials": 2, "epochs": 3 },
  "space": {
    "filters": { "type": "int", "min": 4, "max": 8 }
  },
  "template": {
    "layers": [
      { "type": "Conv1D", "filters": { "param": "filters" }, "kernel_size": 3, "activation": "relu" },
      { "type": "GlobalAveragePooling1D" }
    ],
    "learning_rate": 0.01,
    "batch_size": 64
  }
}
`,
  },
];

export const DEFAULT_TEMPLATE_ID = STUDY_TEMPLATES[0].id;

export const findTemplate = (id) => STUDY_TEMPLATES.find((t) => t.id === id) ?? null;

/**
 * Picks the dataset a template's study runs on: the selected one when it fits (an uploaded
 * dataset of the template's kind, and task when the template names one), else the newest
 * dataset that fits, else null. Studies on iris always use iris.
 */
export function datasetFor(template, datasets = [], selectedId = null) {
  if (!template?.datasetKind) return 'iris';
  const task = template.upload?.task;
  const fits = (d) => d && !d.builtin && d.kind === template.datasetKind && (!task || d.task === task);
  const selected = datasets.find((d) => d.id === selectedId);
  if (fits(selected)) return selected.id;
  const fitting = datasets
    .filter(fits)
    .sort((a, b) => String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')));
  return fitting[0]?.id ?? null;
}

/**
 * The template's study text with its dataset filled in. Without a dataset the id is left as a
 * visible placeholder the server will refuse with `$.dataset`, pointing the user at the upload.
 */
export function templateText(template, datasetId) {
  const id = datasetId ?? `<upload a${/^[aeiou]/.test(template.datasetKind ?? '') ? 'n' : ''} ${template.datasetKind} dataset>`;
  return template.text.replaceAll(DATASET_PLACEHOLDER, JSON.stringify(id));
}
