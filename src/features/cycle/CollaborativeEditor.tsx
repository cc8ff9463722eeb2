import { Extension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import { useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { setPresenceFocus } from '../../sync/presence.ts';
import './cycle.css';

/**
 * A rich-text editor bound to one Y.XmlFragment of the cycle (issue 5 point 2),
 * lazy-loaded so Tiptap/ProseMirror stay out of the initial bundle.
 *
 * Undo: typing inside the editor is undone by the Collaboration extension's
 * own y-undo manager (Ctrl/Cmd+Z while the editor has focus). It tracks only
 * the transactions this editor's ySync plugin makes locally, so it is per user
 * by construction and never undoes a colleague's typing. Everything else on
 * the page (meta, baselines, plan…) goes through the page's per-user
 * UndoManager over `ctx.origin`. Binding the ySync plugin to that manager
 * instead would make one shared history, but y-tiptap destroys the manager it
 * is given when an editor unmounts (switching tabs would wipe the page's undo
 * history), so the two histories are kept apart on purpose.
 */
export type CollaborativeEditorProps = {
  readonly fragment: Y.XmlFragment;
  /** The server document name, for `setPresenceFocus`. */
  readonly docName: string;
  /** The presence path announced while this editor has focus, e.g. `text:goals`. */
  readonly focusPath: string;
  /** The provider's awareness for remote carets; null while offline or local-only. */
  readonly awareness: Awareness | null;
  readonly editable: boolean;
  readonly labelledBy: string;
  readonly describedBy?: string;
};

type CaretUser = { name?: unknown; color?: unknown };

function caretColor(user: CaretUser): string {
  return typeof user.color === 'string' ? user.color : '#b35c00';
}

function caretName(user: CaretUser): string {
  return typeof user.name === 'string' ? user.name : '';
}

/** Another person's caret: a thin colored bar with their name above it. */
function buildCaret(user: CaretUser): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'remote-caret';
  caret.style.borderColor = caretColor(user);
  const label = document.createElement('span');
  label.className = 'remote-caret-label';
  label.style.backgroundColor = caretColor(user);
  label.textContent = caretName(user);
  caret.append('\u2060', label, '\u2060');
  return caret;
}

function buildSelection(user: CaretUser): { class: string; style: string } {
  return {
    class: 'remote-selection',
    style: `background-color: color-mix(in srgb, ${caretColor(user)} 22%, transparent)`,
  };
}

type RemoteCaretsOptions = { awareness: Awareness | null };

/** Shows where colleagues are in this text (y-prosemirror's cursor plugin over the provider's awareness). */
const RemoteCarets = Extension.create<RemoteCaretsOptions>({
  name: 'remoteCarets',
  addOptions() {
    return { awareness: null };
  },
  addProseMirrorPlugins() {
    const awareness = this.options.awareness;
    if (!awareness) return [];
    return [
      yCursorPlugin(awareness, { cursorBuilder: buildCaret, selectionBuilder: buildSelection }),
    ];
  },
});

export default function CollaborativeEditor({
  fragment,
  docName,
  focusPath,
  awareness,
  editable,
  labelledBy,
  describedBy,
}: CollaborativeEditorProps) {
  const focused = useRef(false);
  const editor = useEditor(
    {
      editable,
      shouldRerenderOnTransaction: false,
      extensions: [
        StarterKit.configure({ undoRedo: false, heading: { levels: [3, 4] } }),
        Collaboration.configure({ fragment }),
        RemoteCarets.configure({ awareness }),
      ],
      editorProps: {
        attributes: {
          class: 'rich-text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelledBy,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          ...(editable ? {} : { 'aria-readonly': 'true' }),
        },
      },
      onFocus: () => {
        focused.current = true;
        setPresenceFocus(docName, focusPath);
      },
      onBlur: () => {
        focused.current = false;
        setPresenceFocus(docName, null);
      },
    },
    [fragment, awareness, editable, docName, focusPath, labelledBy, describedBy],
  );

  // Leaving the page (or the tab) while typing: stop announcing this field.
  useEffect(
    () => () => {
      if (focused.current) setPresenceFocus(docName, null);
    },
    [docName],
  );

  return <EditorContent editor={editor} className="rich-text-host" />;
}
