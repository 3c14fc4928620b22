'use client';

import { BACKENDS, CIFAR_TEST_SIZE, CIFAR_TRAIN_SIZE, MODEL_NAMES, ZLenet5Variant, ZOptimizer } from '@tensorscope/shared';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useCreateRun } from '../hooks/use-run-mutations';
import { ApiError, ApiUnreachableError } from '../lib/api-client';
import {
  defaultFormValues,
  formErrorsFromServer,
  parseRunForm,
  type TFormErrors,
  type TFormField,
  type TRunFormValues,
} from '../lib/run-form';

const VARIANT_HINTS: Record<string, string> = {
  'cifar-gray28': 'CIFAR-10 as 28×28 grayscale',
  'cifar-rgb32': 'CIFAR-10 as 32×32 RGB',
};
const OPTIMIZER_LABELS: Record<string, string> = { adam: 'Adam', sgd: 'SGD', momentum: 'SGD + momentum' };
const BACKEND_CHOICES = ['auto', ...BACKENDS] as const;

export function RunForm() {
  const router = useRouter();
  const createRun = useCreateRun();
  // Raw input text: a failed submit (client or server) keeps exactly what was typed.
  const [values, setValues] = useState<TRunFormValues>(defaultFormValues);
  const [errors, setErrors] = useState<TFormErrors>({});

  const setField = (field: TFormField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    // Editing a field retires its message; the next submit re-checks everything.
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseRunForm(values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    createRun.mutate(parsed.config, {
      onSuccess: (run) => router.push(`/runs/${run.id}`),
      onError: (error) => setErrors(errorsFromSubmit(error)),
    });
  };

  const field = (name: TFormField, label: string, input: ReactNode, hint?: string) => (
    <div className={`field ${errors[name] ? 'field--invalid' : ''}`}>
      <label htmlFor={`run-${name}`}>{label}</label>
      {input}
      {errors[name] ? (
        <div className="field-error" data-testid={`field-error-${name}`} id={`run-${name}-error`}>
          {errors[name]}
        </div>
      ) : (
        hint && <div className="field-hint">{hint}</div>
      )}
    </div>
  );

  const text = (name: TFormField, props: { placeholder?: string; inputMode?: 'decimal' | 'numeric' } = {}) => (
    <input
      id={`run-${name}`}
      name={name}
      type="text"
      autoComplete="off"
      spellCheck={false}
      value={values[name]}
      onChange={(event) => setField(name, event.target.value)}
      aria-invalid={Boolean(errors[name])}
      aria-describedby={errors[name] ? `run-${name}-error` : undefined}
      {...props}
    />
  );

  const select = (name: TFormField, options: readonly string[], labels: Record<string, string> = {}) => (
    <select
      id={`run-${name}`}
      name={name}
      value={values[name]}
      onChange={(event) => setField(name, event.target.value)}
      aria-invalid={Boolean(errors[name])}
    >
      {options.map((option) => (
        <option key={option} value={option}>
          {labels[option] ?? option}
        </option>
      ))}
    </select>
  );

  return (
    <form className="run-form" data-testid="new-run-form" onSubmit={onSubmit} noValidate>
      <fieldset>
        <legend>Run</legend>
        {field('name', 'Name', text('name', { placeholder: 'e.g. gray-adam' }))}
        {field('model', 'Model', select('model', MODEL_NAMES), 'LeNet-5 convolutional network')}
        {field('variant', 'Variant', select('variant', ZLenet5Variant.options), VARIANT_HINTS[values.variant])}
      </fieldset>
      <fieldset>
        <legend>Optimization</legend>
        {field('optimizer', 'Optimizer', select('optimizer', ZOptimizer.options, OPTIMIZER_LABELS))}
        {field('learningRate', 'Learning rate', text('learningRate', { inputMode: 'decimal' }))}
        {field('batchSize', 'Batch size', text('batchSize', { inputMode: 'numeric' }))}
        {field('epochs', 'Epochs', text('epochs', { inputMode: 'numeric' }))}
      </fieldset>
      <fieldset>
        <legend>Data</legend>
        {field(
          'trainSubset',
          'Train subset',
          text('trainSubset', { inputMode: 'numeric' }),
          `first N of ${CIFAR_TRAIN_SIZE.toLocaleString('en-US')} training images`,
        )}
        {field(
          'evalSubset',
          'Eval subset',
          text('evalSubset', { inputMode: 'numeric' }),
          `first N of ${CIFAR_TEST_SIZE.toLocaleString('en-US')} test images`,
        )}
      </fieldset>
      <fieldset>
        <legend>Logging &amp; runtime</legend>
        {field('evalInterval', 'Eval interval', text('evalInterval', { inputMode: 'numeric' }), 'steps between test evaluations')}
        {field('logInterval', 'Log interval', text('logInterval', { inputMode: 'numeric' }), 'steps between train points')}
        {field('seed', 'Seed', text('seed', { inputMode: 'numeric' }))}
        {field('backend', 'Backend', select('backend', BACKEND_CHOICES), `auto tries ${BACKENDS.join(' → ')}`)}
      </fieldset>
      <fieldset>
        <legend>Layer inspection</legend>
        {field('statsInterval', 'Stats interval', text('statsInterval', { inputMode: 'numeric' }), 'steps between weight, gradient and activation statistics')}
        {field('snapshotsPerEpoch', 'Snapshots / epoch', text('snapshotsPerEpoch', { inputMode: 'numeric' }), 'full weight snapshots per epoch, plus the final weights')}
        {field('probeImages', 'Probe images', text('probeImages', { inputMode: 'numeric' }), 'fixed test images for activation statistics')}
        {field('histogramBins', 'Histogram bins', text('histogramBins', { inputMode: 'numeric' }))}
        {field('snapshotLimit', 'Snapshot limit', text('snapshotLimit', { inputMode: 'numeric' }), 'past this many, older snapshots are thinned; 0 keeps all')}
        {field('snapshotKeepEvery', 'Keep every', text('snapshotKeepEvery', { inputMode: 'numeric' }), 'when thinning, keep every Nth older snapshot')}
      </fieldset>
      {errors.form && (
        <div className="form-error" role="alert" data-testid="form-error">
          {errors.form}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="submit-run" disabled={createRun.isPending}>
          {createRun.isPending ? 'Starting…' : 'Start run'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setValues(defaultFormValues());
            setErrors({});
          }}
        >
          Reset
        </button>
      </div>
    </form>
  );
}

/** A failed POST: field messages from a 400, otherwise one message for the whole form. */
function errorsFromSubmit(error: unknown): TFormErrors {
  if (error instanceof ApiError) {
    const fromServer = formErrorsFromServer(error.fieldErrors);
    if (Object.keys(fromServer).length > 0) return fromServer;
    return { form: `${error.message} (${error.code})` };
  }
  if (error instanceof ApiUnreachableError) return { form: `${error.message}. Is the API running?` };
  return { form: error instanceof Error ? error.message : String(error) };
}
