'use client';

import { DATASET_FORMATS, type TDatasetFormat } from '@tensorscope/shared';
import { useState, type FormEvent } from 'react';
import { GuardedButton } from '../../../components/guarded-button';
import { PermissionNote } from '../../../components/permission-note';
import { Picker } from '../../../components/picker';
import { TextField } from '../../../components/text-field';
import { useSignedInUser } from '../../../hooks/use-me';
import { placeFieldErrors } from '../../../lib/field-errors';
import { canLaunch } from '../../../lib/permissions';
import { useUploadDataset } from '../hooks/use-datasets';
import { FORMAT_HINTS, FORMAT_LABELS, fileInputsOf } from '../lib/dataset-format';

// Only the name has its own spot; a problem with the files or the form is said below it.
const FIELDS = ['name'] as const;

/**
 * Uploads a dataset: a name, its format and that format's files (plus class names, and a shape for
 * CSV). The bytes stream to the API, which stores and decodes them; the bar shows how much is
 * sent, then "Decoding…" until the API has checked every image. A refused upload says why here.
 */
export function DatasetUploadForm() {
  const upload = useUploadDataset();
  const may = canLaunch(useSignedInUser(), 'datasets');
  const [name, setName] = useState('');
  const [format, setFormat] = useState<TDatasetFormat>('idx');
  const [classNames, setClassNames] = useState('');
  const [inputShape, setInputShape] = useState('');
  const [files, setFiles] = useState<Record<string, File>>({});
  // File inputs cannot be cleared through React state: a new generation remounts them empty.
  const [generation, setGeneration] = useState(0);
  const placed = upload.isError ? placeFieldErrors(upload.error, FIELDS) : null;
  const inputs = fileInputsOf(format);
  const missing = inputs.filter((i) => !files[i.field]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData();
    form.append('name', name.trim());
    form.append('format', format);
    if (classNames.trim()) form.append('classNames', classNames);
    if (format === 'csv' && inputShape.trim()) form.append('inputShape', inputShape);
    for (const { field } of inputs) form.append(field, files[field]!, files[field]!.name);
    upload.mutate(form, {
      onSuccess: () => {
        setName('');
        setFiles({});
        setClassNames('');
        setInputShape('');
        setGeneration((g) => g + 1);
      },
    });
  };

  const sent = upload.progress;
  return (
    <form className="card dataset-upload" onSubmit={onSubmit} noValidate data-testid="dataset-upload-form">
      <h2>Upload a dataset</h2>
      <div className="dataset-upload-grid">
        <TextField
          label="Name"
          className="stacked-field"
          testId="dataset-name"
          value={name}
          onChange={setName}
          invalid={Boolean(placed?.fields.name)}
        >
          {placed?.fields.name && <span className="field-error">{placed.fields.name}</span>}
        </TextField>
        <Picker
          label="Format"
          className="stacked-field"
          testId="dataset-format"
          options={DATASET_FORMATS}
          value={format}
          optionLabel={(f) => FORMAT_LABELS[f]}
          onChange={(f) => (setFormat(f), setFiles({}))}
        />
        {inputs.map(({ field, label }) => (
          <label key={`${format}-${field}-${generation}`} className="stacked-field">
            <span>{label}</span>
            <input
              type="file"
              name={field}
              data-testid={`dataset-file-${field}`}
              onChange={(e) => setFiles((f) => ({ ...f, [field]: e.target.files![0]! }))}
            />
          </label>
        ))}
        <TextField
          label="Class names (optional, comma-separated)"
          className="stacked-field"
          testId="dataset-class-names"
          placeholder="e.g. T-shirt/top, Trouser, …"
          value={classNames}
          onChange={setClassNames}
        />
        {format === 'csv' && (
          <TextField
            label="Image shape (optional: h,w,c)"
            className="stacked-field"
            testId="dataset-input-shape"
            placeholder="28,28,1"
            value={inputShape}
            onChange={setInputShape}
          />
        )}
      </div>
      <p className="muted small">{FORMAT_HINTS[format]}</p>
      <div className="form-actions">
        <GuardedButton
          type="submit"
          className="button button--primary"
          testId="dataset-upload"
          verdict={may}
          busy={upload.isPending || missing.length > 0 || name.trim() === ''}
          title={missing.length > 0 ? `choose ${missing.map((m) => m.label.toLowerCase()).join(', ')}` : undefined}
        >
          {upload.isPending ? 'Uploading…' : 'Upload'}
        </GuardedButton>
        <PermissionNote verdict={may} />
        {upload.isPending && (
          <span className="upload-progress" data-testid="dataset-upload-progress">
            <progress max={1} value={sent ?? undefined} />{' '}
            {sent === null || sent >= 1 ? 'Decoding and checking every image…' : `${Math.round(sent * 100)} % sent`}
          </span>
        )}
      </div>
      {placed?.form && (
        <div className="form-error" role="alert" data-testid="dataset-upload-error">
          {placed.form}
        </div>
      )}
    </form>
  );
}
