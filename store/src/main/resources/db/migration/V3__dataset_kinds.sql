-- Datasets of every kind: images, token and numeric sequences, time series besides tables. The
-- options (vocabulary, sequence length, window, image size) are what workers need to read the
-- bytes the same way; the shape is stored so validation needs no bytes.
ALTER TABLE dataset ADD COLUMN kind text NOT NULL DEFAULT 'table'
  CHECK (kind IN ('table', 'images', 'tokens', 'sequence', 'timeseries'));
ALTER TABLE dataset ADD COLUMN shape_json text;
UPDATE dataset SET shape_json = '[' || (json_array_length(columns_json::json) - 1) || ']';
ALTER TABLE dataset ALTER COLUMN shape_json SET NOT NULL;
ALTER TABLE dataset ADD COLUMN options_json text NOT NULL DEFAULT '{}';
-- Images have no label column: the folder or the labels file names the class.
ALTER TABLE dataset ALTER COLUMN label_column DROP NOT NULL;
-- The bytes are a zip for images now, not only CSV.
ALTER TABLE dataset_content RENAME COLUMN csv TO content;
