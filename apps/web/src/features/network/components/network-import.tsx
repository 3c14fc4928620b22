'use client';

import { importKerasTopology, type TImportProblem, type TLayer } from '@tensorscope/shared';
import { useState, type ChangeEvent } from 'react';

/**
 * Paste a TF.js / Keras Sequential topology (`model.toJSON()`) or load a model.json: it becomes
 * the editor's layers, or nothing changes and every layer it cannot take is named.
 */
export function NetworkImport({ onImport }: { onImport(layers: TLayer[]): void }) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<TImportProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);

  const importText = (topology: string) => {
    const imported = importKerasTopology(topology);
    if (!imported.ok) {
      setProblems(imported.problems);
      setDone(null);
      return;
    }
    setProblems([]);
    setDone(`imported ${imported.layers.length} layer${imported.layers.length === 1 ? '' : 's'}`);
    onImport(imported.layers);
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    void file.text().then((content) => {
      setText(content);
      importText(content);
    });
  };

  return (
    <div className="network-import" data-testid="network-import-panel">
      <textarea
        data-testid="network-import-text"
        aria-label="Keras or TF.js topology JSON"
        rows={4}
        spellCheck={false}
        placeholder='model.toJSON() output, or a model.json: {"class_name": "Sequential", "config": {"layers": [...]}}'
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="network-import-actions">
        <button
          type="button"
          className="button"
          data-testid="network-import"
          disabled={text.trim() === ''}
          onClick={() => importText(text)}
        >
          Import layers
        </button>
        <label className="muted small">
          or load a model.json <input type="file" accept=".json,application/json" data-testid="network-import-file" onChange={onFile} />
        </label>
        {done && (
          <span className="muted small" role="status">
            {done}
          </span>
        )}
      </div>
      {problems.length > 0 && (
        <ul className="field-error" data-testid="network-import-problems">
          {problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
