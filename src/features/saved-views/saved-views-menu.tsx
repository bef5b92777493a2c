import { useId, useState } from 'react';
import type { DatasetMeta } from '../../domain/dataset-index';
import { parseFilters, serializeFilters } from '../../state/url-codec';
import { useUiStore } from '../../state/ui-store';
import { slugify } from '../../lib/slug';
import { ModalDialog } from '../../ui/modal-dialog';
import { safeLocalStorage, type SavedView } from './saved-views-storage';
import type { DatasetSnapshot } from '../../domain/analysis/dataset-diff';
import { findSnapshot, MAX_SNAPSHOT_OBSERVATIONS, rememberSnapshot } from './dataset-snapshots';
import { refsOptions, useDatasetFacts, useStanceSource } from '../../data/stance-queries';
import { useQueryClient } from '@tanstack/react-query';
import { WhatChanged } from './what-changed';
import { useSavedViews } from './use-saved-views';

/** A stable id for a dataset: its own id, or one made from its title (imported files have one). */
export function datasetIdOf(dataset: DatasetMeta): string {
  return dataset.id ?? slugify(dataset.title);
}

function formatCreated(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

function SaveViewDialog({
  defaultName,
  onSave,
  onCancel,
}: {
  defaultName: string;
  onSave: (name: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [name, setName] = useState(defaultName);
  return (
    <ModalDialog labelledBy={`${id}-title`} onCancel={onCancel} className="save-view-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onSave(name);
        }}
      >
        <h2 id={`${id}-title`}>Save this view</h2>
        <div className="mapping-field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
            autoFocus
          />
        </div>
        <p className="muted">The filters, the dataset and its version are saved in this browser.</p>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!name.trim()}>
            Save
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

function SavedViewItem({
  view,
  onOpen,
  onRename,
  onDelete,
}: {
  view: SavedView;
  onOpen: () => void;
  onRename: (name: string) => void;
  onDelete: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(view.name);
  if (editing) {
    return (
      <li className="saved-view">
        <form
          className="saved-view-rename"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            onRename(name);
            setEditing(false);
          }}
        >
          <input
            aria-label={`New name for ${view.name}`}
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
            autoFocus
          />
          <button type="submit">Save name</button>
          <button
            type="button"
            onClick={() => {
              setName(view.name);
              setEditing(false);
            }}
          >
            Cancel
          </button>
        </form>
      </li>
    );
  }
  const created = formatCreated(view.createdAt);
  return (
    <li className="saved-view">
      <button
        type="button"
        className="link-button saved-view-open"
        onClick={onOpen}
        aria-label={`Open view ${view.name}`}
      >
        {view.name}
      </button>
      <span className="muted saved-view-meta">
        {view.title}
        {created ? ` · ${created}` : ''}
      </span>
      <button type="button" onClick={() => setEditing(true)} aria-label={`Rename ${view.name}`}>
        Rename
      </button>
      <button type="button" onClick={onDelete} aria-label={`Delete ${view.name}`}>
        Delete
      </button>
    </li>
  );
}

/** "Save view" and the list of saved views (open, rename, delete), stored in localStorage. */
export function SavedViewsMenu({ dataset, storage }: { dataset: DatasetMeta; storage?: Storage | null }) {
  const api = useSavedViews(storage);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ text: string; undo?: SavedView } | null>(null);
  // Set when the opened view was saved with another version of this dataset (issue 8: what changed).
  const [changed, setChanged] = useState<{ fromVersion: string; snapshot: DatasetSnapshot | null } | null>(
    null,
  );
  const store = storage === undefined ? safeLocalStorage() : storage;
  const source = useStanceSource();
  const client = useQueryClient();
  const facts = useDatasetFacts().data;
  const listId = useId();

  const open = (view: SavedView) => {
    useUiStore.getState().replaceFilters(parseFilters(view.query));
    const here = datasetIdOf(dataset);
    let text = `Opened view “${view.name}”.`;
    setChanged(null);
    if (view.datasetId && view.datasetId !== here) {
      text += ` It was saved for the dataset “${view.title || view.datasetId}”; the open dataset is “${dataset.title}”, so some filters may select nothing.`;
    } else if (view.datasetVersion && view.datasetVersion !== dataset.version) {
      text += ` It was saved with version ${view.datasetVersion} of this dataset; the open one is version ${dataset.version}.`;
      setChanged({
        fromVersion: view.datasetVersion,
        snapshot: findSnapshot(here, view.datasetVersion, store),
      });
    }
    setMessage({ text });
  };

  return (
    <div className="saved-views">
      <button type="button" onClick={() => setSaving(true)}>
        Save view
      </button>
      <details className="saved-views-list">
        <summary>Saved views ({api.views.length})</summary>
        {api.views.length === 0 ? (
          <p className="muted">No saved views yet. “Save view” keeps the current filters here.</p>
        ) : (
          <ul id={listId} aria-label="Saved views">
            {api.views.map((v) => (
              <SavedViewItem
                key={v.id}
                view={v}
                onOpen={() => open(v)}
                onRename={(name) => api.rename(v.id, name)}
                onDelete={() => {
                  const removed = api.remove(v.id);
                  if (removed) setMessage({ text: `Deleted view “${removed.name}”.`, undo: removed });
                }}
              />
            ))}
          </ul>
        )}
      </details>
      {(message || api.notices.length > 0) && (
        <div className="import-notice" role="status">
          {api.notices.map((n) => (
            <p key={n}>{n}</p>
          ))}
          {message && (
            <p>
              {message.text}{' '}
              {message.undo && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    if (message.undo) api.restore(message.undo);
                    setMessage(null);
                  }}
                >
                  Undo
                </button>
              )}
            </p>
          )}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setMessage(null);
              setChanged(null);
              api.dismissNotices();
            }}
          >
            Dismiss
          </button>
        </div>
      )}
      {changed && (
        <WhatChanged dataset={dataset} fromVersion={changed.fromVersion} snapshot={changed.snapshot} />
      )}
      {saving && (
        <SaveViewDialog
          defaultName={`${dataset.title.slice(0, 80)} — ${new Date().toISOString().slice(0, 10)}`}
          onCancel={() => setSaving(false)}
          onSave={(name) => {
            const saved = api.save({
              name,
              // Read at save time: the menu need not redraw on every filter change.
              query: serializeFilters(useUiStore.getState().filters),
              title: dataset.title.slice(0, 200),
              datasetId: datasetIdOf(dataset).slice(0, 200),
              datasetVersion: dataset.version.slice(0, 40),
            });
            setSaving(false);
            // A compact copy of this version, so opening the view on a later version can say what changed.
            if (saved && (facts?.observationCount ?? Infinity) <= MAX_SNAPSHOT_OBSERVATIONS) {
              void client
                .fetchQuery(refsOptions(source))
                .then((refs) =>
                  rememberSnapshot({ ...dataset, observations: refs }, datasetIdOf(dataset), store),
                );
            }
            if (saved) setMessage({ text: `Saved view “${saved.name}”.` });
          }}
        />
      )}
    </div>
  );
}
