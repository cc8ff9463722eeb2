import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';

type Props = {
  readonly undo: Y.UndoManager | null;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly readOnly: boolean;
};

/** Is the key event for a rich-text editor, which keeps its own undo for typing (see CollaborativeEditor)? */
function inRichText(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.ProseMirror') !== null;
}

/**
 * Ctrl/Cmd+Z undoes and Shift+Ctrl/Cmd+Z or Ctrl+Y redoes this user's own
 * changes anywhere on the page except inside a rich-text editor.
 */
export function useUndoShortcuts(undo: Y.UndoManager | null, enabled: boolean): void {
  useEffect(() => {
    if (!undo || !enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || inRichText(event.target)) return;
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo.undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        undo.redo();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo, enabled]);
}

/** Undo and Redo buttons over the page's per-user UndoManager (never undo a colleague's work). */
export function UndoRedo({ undo, canUndo, canRedo, readOnly }: Props) {
  const { t } = useTranslation();
  useUndoShortcuts(undo, !readOnly);
  if (readOnly) return null;
  return (
    <div className="row undo-redo">
      <button
        type="button"
        disabled={!undo || !canUndo}
        onClick={() => undo?.undo()}
        title={t('cycle.page.undoHint')}
        aria-keyshortcuts="Control+Z Meta+Z"
      >
        <span aria-hidden="true">↶ </span>
        {t('cycle.page.undo')}
      </button>
      <button
        type="button"
        disabled={!undo || !canRedo}
        onClick={() => undo?.redo()}
        title={t('cycle.page.redoHint')}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
      >
        <span aria-hidden="true">↷ </span>
        {t('cycle.page.redo')}
      </button>
    </div>
  );
}
