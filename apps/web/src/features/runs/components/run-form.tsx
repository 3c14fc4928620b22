'use client';

import { DATASET_SIZES, FIELD_GROUPS, choiceOptions, fieldSpec, runConfigKeys, type TFieldGroup } from '@tensorscope/shared';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Fragment, useMemo, useState, type FormEvent } from 'react';
import { useSignedInUser } from '../../../hooks/use-me';
import { useCreateRun } from '../hooks/use-run-mutations';
import { useRun } from '../hooks/use-run-queries';
import Link from 'next/link';
import { useCreateSweep } from '../../sweeps/hooks/use-sweep-mutations';
import { ApiError, ApiUnreachableError } from '../../../lib/api-client';
import { datasetFor, datasetsFor, fieldAppliesTo, modelSpecificNote, splitSizesLabel, DATASET_LABELS } from '../lib/model-fields';
import { canLaunch } from '../../../lib/permissions';
import {
  autoNamePreview,
  datasetFactsOf,
  defaultFormValues,
  formErrorsFromServer,
  formValuesForClone,
  parseRunForm,
  type TFormErrors,
  type TFormField,
  type TRunFormValues,
} from '../lib/run-form';
import {
  buildSweepDraft,
  choicesFromValues,
  placeSweepErrors,
  toggleChoice,
  valuesFromChoices,
  type TSweepChoiceField,
  type TSweepChoices,
} from '../../sweeps/lib/sweep-form';
import { ChoiceChecks } from './choice-checks';
import { FormField } from './form-field';
import { GuardedButton } from '../../../components/guarded-button';
import { PermissionNote } from '../../../components/permission-note';
import { SweepPreview } from '../../sweeps/components/sweep-preview';
import { useDatasets } from '../../datasets/hooks/use-datasets';
import { DatasetSelect, datasetHint } from '../../network/components/dataset-field';
import { LayerEditor } from '../../network/components/layer-editor';

type TMode = 'run' | 'sweep';

/**
 * The new-run form, which also launches sweeps: in sweep mode a number box takes a list
 * ("128, 256, 1024") and the choices become checkboxes; every combination becomes a run.
 * The mode lives in the URL (`?mode=sweep`) so "New sweep" links can open it directly.
 */
export function RunForm() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const createRun = useCreateRun();
  const createSweep = useCreateSweep();
  const [mode, setModeState] = useState<TMode>(() => (search.get('mode') === 'sweep' ? 'sweep' : 'run'));
  // Raw input text: a failed submit (client or server) keeps exactly what was typed.
  const [values, setValues] = useState<TRunFormValues>(defaultFormValues);
  const [choices, setChoices] = useState<TSweepChoices>(() => choicesFromValues(defaultFormValues()));
  // Errors from a submit (client check in run mode, the server in both); editing a field retires its own.
  const [errors, setErrors] = useState<TFormErrors>({});
  // The sweep name's "required" waits for a first submit rather than greeting an empty form.
  const [triedSweep, setTriedSweep] = useState(false);

  // "Run again" (?from=<run id>): the run's settings fill the form once they arrive.
  const fromId = search.get('from');
  const source = useRun(fromId ?? '', fromId !== null);
  const [filledFrom, setFilledFrom] = useState<string | null>(null);
  if (source.data && filledFrom !== source.data.id) {
    // Adjusting state while rendering (not in an effect): the filled form is the first one shown.
    const filled = formValuesForClone(source.data);
    setFilledFrom(source.data.id);
    setValues(filled);
    setChoices(choicesFromValues(filled));
  }

  const sweeping = mode === 'sweep';
  const draft = useMemo(() => (sweeping ? buildSweepDraft(values, choices) : null), [sweeping, values, choices]);
  const pending = createRun.isPending || createSweep.isPending;
  // Viewers may fill the form in (to see what a run would be) but not start it.
  const user = useSignedInUser();
  const launch = canLaunch(user, sweeping ? 'sweeps' : 'runs');

  // Sweep mode validates live: the draft's messages show at once, the server's (until edited) win.
  const shown: TFormErrors = { ...errors };
  if (draft && !draft.ok) {
    for (const [field, message] of Object.entries(draft.errors) as [keyof TFormErrors, string][]) {
      // The preview box shows sweep-wide problems; the name waits for a submit.
      if (field === 'form' || (field === 'name' && !triedSweep)) continue;
      shown[field] ??= message;
    }
  }

  const setMode = (next: TMode) => {
    if (next === mode) return;
    if (next === 'sweep') setChoices(choicesFromValues(values));
    else setValues(valuesFromChoices(values, choices));
    setModeState(next);
    setErrors({});
    const params = new URLSearchParams(search.toString());
    if (next === 'sweep') params.set('mode', 'sweep');
    else params.delete('mode');
    const qs = params.toString();
    // Same as the run tabs: a client-side switch needs no server round trip.
    window.history.replaceState(null, '', qs ? `${pathname}?${qs}` : pathname);
  };

  const retire = (field: TFormField) => setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));

  // A custom run's dataset: its shape and classes drive the layer editor's live shapes.
  const catalogue = useDatasets();
  const chosenDataset = catalogue.data?.items.find((d) => d.id === values.dataset);
  const previewDataset = useMemo(
    () => (chosenDataset ? { inputShape: chosenDataset.inputShape, classes: chosenDataset.classes.length } : undefined),
    [chosenDataset],
  );
  const batchSize = Number(values.batchSize);
  const namePreview = useMemo(() => autoNamePreview(values, chosenDataset && datasetFactsOf(chosenDataset)), [values, chosenDataset]);
  // Editing the stack retires every layer's message: rows may have moved.
  const setNetwork = (text: string) => {
    setValues((current) => ({ ...current, network: text }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !key.startsWith('network'))));
  };

  const setField = (field: TFormField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    retire(field);
  };

  const toggle = (field: TSweepChoiceField, option: string) => {
    setChoices((current) => ({ ...current, [field]: toggleChoice(choiceOptions(field), current[field], option) }));
    retire(field);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!launch.ok) return;
    if (sweeping) {
      setTriedSweep(true);
      if (!draft?.ok) return;
      setErrors({});
      const axes = draft.create.axes;
      createSweep.mutate(draft.create, {
        onSuccess: ({ sweep }) => router.push(`/sweeps/${sweep.id}`),
        onError: (error) => setErrors(errorsFromSubmit(error, (details) => placeSweepErrors(details, axes))),
      });
      return;
    }
    const parsed = parseRunForm(values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    createRun.mutate(parsed.config, {
      onSuccess: (run) => router.push(`/runs/${run.id}`),
      onError: (error) => setErrors(errorsFromSubmit(error, formErrorsFromServer)),
    });
  };

  // Which model-specific fields show: those of the chosen model, or of any ticked model in a sweep.
  const models = sweeping ? choices.model : [values.model];
  const shows = (field: TFormField) => fieldSpec(field).models === 'all' || models.some((m) => fieldAppliesTo(field, m));
  // In a sweep mixing LeNet and recurrent cells, a model-specific field says whom it applies to.
  const hintFor = (field: TFormField, single?: string) => (sweeping ? modelSpecificNote(field, choices.model) : undefined) ?? single;

  const text = (name: TFormField, props: { placeholder?: string; inputMode?: 'decimal' | 'numeric' } = {}) => (
    <input
      id={`run-${name}`}
      name={name}
      type="text"
      autoComplete="off"
      spellCheck={false}
      value={values[name]}
      onChange={(event) => setField(name, event.target.value)}
      aria-invalid={Boolean(shown[name])}
      aria-describedby={shown[name] ? `run-${name}-error` : undefined}
      {...props}
    />
  );

  const select = (name: TSweepChoiceField, labels: Readonly<Record<string, string>> = {}) => (
    <select
      id={`run-${name}`}
      name={name}
      value={values[name]}
      onChange={(event) => setField(name, event.target.value)}
      aria-invalid={Boolean(shown[name])}
    >
      {choiceOptions(name).map((option) => (
        <option key={option} value={option}>
          {labels[option] ?? option}
        </option>
      ))}
    </select>
  );

  /** A choice field: a select for one run, checkboxes in a sweep. */
  const choice = (name: TSweepChoiceField, label: string, labels: Readonly<Record<string, string>> | undefined, single?: string) =>
    sweeping ? (
      <FormField name={name} label={label} error={shown[name]} hint={hintFor(name, single)} labelFor={false}>
        <ChoiceChecks
          name={name}
          options={choiceOptions(name)}
          picked={choices[name]}
          labels={labels}
          invalid={Boolean(shown[name])}
          onToggle={(option) => toggle(name, option)}
        />
      </FormField>
    ) : (
      <FormField name={name} label={label} error={shown[name]} hint={single}>
        {select(name, labels)}
      </FormField>
    );

  const number = (name: TFormField, label: string, inputMode: 'decimal' | 'numeric', hint?: string, placeholder?: string) => (
    <FormField name={name} label={label} error={shown[name]} hint={hintFor(name, hint)}>
      {text(name, { inputMode, placeholder })}
    </FormField>
  );

  // A blank subset means the whole split of the dataset(s) the run(s) train on.
  const datasets = sweeping
    ? datasetsFor(choices.model, choices.model.includes('lenet5') ? choices.variant : [])
    : [datasetFor(values.model, values.variant)];
  const single = datasets.length === 1 ? datasets[0] : undefined;
  // Custom runs only: the chosen catalogue dataset's split sizes.
  const onlyCustom = models.length > 0 && models.every((m) => m === 'custom');
  const customSize = (split: 'train' | 'test') =>
    chosenDataset ? { size: split === 'train' ? chosenDataset.trainSize : chosenDataset.testSize, label: chosenDataset.name } : undefined;
  const subsetHint = (split: 'train' | 'test') => {
    const known = onlyCustom ? customSize(split) : single && { size: DATASET_SIZES[single][split], label: DATASET_LABELS[single] };
    if (onlyCustom && !known) return 'blank = the whole split of the chosen dataset';
    return known
      ? `first N of the ${known.size.toLocaleString('en-US')} ${known.label} ${split === 'train' ? 'training' : 'test'} images; blank = all`
      : `blank = the whole split (${splitSizesLabel(datasets, split)})`;
  };
  const subsetPlaceholder = (split: 'train' | 'test') => {
    const known = onlyCustom ? customSize(split)?.size : single && DATASET_SIZES[single][split];
    return known ? `all ${known}` : 'all';
  };

  /** One field as its registry entry describes it. */
  const field = (name: TFormField) => {
    const spec = fieldSpec(name);
    if (spec.kind === 'text')
      return (
        <FormField
          key={name}
          name={name}
          label={sweeping ? 'Sweep name' : spec.label}
          error={shown[name]}
          hint={sweeping ? 'runs are named "<sweep> · field=value …"' : spec.hint}
        >
          {text(name, { placeholder: sweeping ? spec.sweepPlaceholder : (namePreview ?? spec.placeholder) })}
        </FormField>
      );
    if (spec.kind === 'choice') {
      // Per-option hints describe the one chosen option, so a sweep shows its own hint instead.
      const single = sweeping
        ? (spec.sweepHint ?? (spec.optionHints ? undefined : spec.hint))
        : (spec.optionHints?.[values[name]] ?? spec.hint);
      return <Fragment key={name}>{choice(name as TSweepChoiceField, spec.label, spec.optionLabels, single)}</Fragment>;
    }
    if (spec.kind === 'dataset')
      return (
        <FormField key={name} name={name} label={spec.label} error={shown[name]} hint={datasetHint(chosenDataset)}>
          <DatasetSelect
            value={values.dataset}
            datasets={catalogue.data?.items}
            loading={catalogue.isPending}
            invalid={Boolean(shown[name])}
            onChange={(id) => setField(name, id)}
          />
        </FormField>
      );
    // The network has its own full-width section; the dataset facts are the API's to fill in.
    if (spec.kind === 'network' || spec.kind === 'derived') return null;
    const split = spec.unset === 'all-train' ? 'train' : spec.unset === 'all-test' ? 'test' : undefined;
    const hint = split ? subsetHint(split) : spec.hint;
    const placeholder = split ? subsetPlaceholder(split) : spec.unset;
    return <Fragment key={name}>{number(name, spec.label, spec.kind === 'integer' ? 'numeric' : 'decimal', hint, placeholder)}</Fragment>;
  };

  return (
    <form className="run-form" data-testid="new-run-form" data-mode={mode} onSubmit={onSubmit} noValidate>
      <div className="run-form-mode">
        <label className="choice-check">
          <input
            type="checkbox"
            data-testid="sweep-toggle"
            checked={sweeping}
            onChange={(e) => setMode(e.target.checked ? 'sweep' : 'run')}
          />
          Sweep
        </label>
        <span className="muted small">
          {sweeping
            ? 'Number boxes take a comma-separated list (e.g. 128, 256, 1024), choices take several ticks; every combination becomes a run. Snapshot retention is shared by all runs.'
            : 'Launch one run, or tick Sweep to launch one per combination of values.'}
        </span>
      </div>
      {fromId !== null && (
        <div className="clone-source" role="status" data-testid="clone-source">
          {source.data ? (
            <>
              Settings of <Link href={`/runs/${source.data.id}`}>{source.data.name}</Link>; change what you like and start it.
            </>
          ) : source.isError ? (
            <span className="field-error">Could not load the run to copy: {source.error.message}</span>
          ) : (
            <span className="muted">Loading the run’s settings…</span>
          )}
        </div>
      )}
      {(Object.keys(FIELD_GROUPS) as TFieldGroup[]).map((group) => (
        <Fragment key={group}>
          <fieldset>
            <legend>{group === 'run' && sweeping ? 'Sweep' : FIELD_GROUPS[group]}</legend>
            {runConfigKeys((spec) => spec.group === group)
              .filter(shows)
              .map(field)}
          </fieldset>
          {/* Under the first row (run, optimization), across the whole form: the layer table needs the width. */}
          {group === 'optimization' && shows('network') && (
            <fieldset className="network-fieldset" data-field="network">
              <legend>{fieldSpec('network').label}</legend>
              <p className="muted small">
                {fieldSpec('network').hint}; output shapes and parameters update as you type.
                {shown.network && (
                  <span className="field-error" data-testid="field-error-network">
                    {' '}
                    {shown.network}
                  </span>
                )}
              </p>
              <LayerEditor
                text={values.network}
                onChange={setNetwork}
                dataset={previewDataset}
                batchSize={Number.isInteger(batchSize) && batchSize > 0 ? batchSize : undefined}
                errors={shown}
                sweeping={sweeping}
              />
            </fieldset>
          )}
        </Fragment>
      ))}
      {draft && <SweepPreview draft={draft} />}
      {shown.form && (
        <div className="form-error" role="alert" data-testid="form-error">
          {shown.form}
        </div>
      )}
      <div className="form-actions">
        <GuardedButton
          type="submit"
          className="button button--primary"
          testId={sweeping ? 'submit-sweep' : 'submit-run'}
          verdict={launch}
          busy={pending}
        >
          {pending ? 'Starting…' : !sweeping ? 'Start run' : draft?.ok ? `Start ${draft.points.length} runs` : 'Start sweep'}
        </GuardedButton>
        <button
          type="button"
          className="button"
          onClick={() => {
            const fresh = defaultFormValues();
            setValues(fresh);
            setChoices(choicesFromValues(fresh));
            setErrors({});
            setTriedSweep(false);
          }}
        >
          Reset
        </button>
        <PermissionNote verdict={launch} />
      </div>
    </form>
  );
}

/** A failed POST: field messages from a 400 (placed by `place`), otherwise one message for the whole form. */
function errorsFromSubmit(error: unknown, place: (details: ApiError['fieldErrors']) => TFormErrors): TFormErrors {
  if (error instanceof ApiError) {
    const fromServer = place(error.fieldErrors);
    if (Object.keys(fromServer).length > 0) return fromServer;
    return { form: `${error.message} (${error.code})` };
  }
  if (error instanceof ApiUnreachableError) return { form: `${error.message}. Is the API running?` };
  return { form: error instanceof Error ? error.message : String(error) };
}
