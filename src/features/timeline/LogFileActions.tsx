import {
  type ChangeEvent,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { downloadFile } from '../../app/download.ts';
import { showToast } from '../../app/ui/toasts.ts';
import type { RunId } from '../../model/cycleTypes.ts';
import { observedRuns, onRunLogChange, readLog, readRunLog } from '../../model/eventLog.ts';
import type { MemberId } from '../../model/ids.ts';
import {
  encodeRunLog,
  importLogUpdate,
  type LogImportErrorReason,
  type LogValidation,
  MAX_LOG_FILE_BYTES,
} from '../../model/logFile.ts';
import type { DocSession } from '../../sync/docSession.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { logFileName } from './download.ts';

/**
 * Sharing observations as a file when there is no network at all (issue 6
 * point 8): the observation screen and the timeline both offer these.
 */

type ShareProps = {
  runId: RunId;
  memberId: MemberId;
  /** For the file name and the share sheet's title. */
  cycleTitle: string;
  /** The run's day (YYYY-MM-DD), or '' for today's. */
  date: string;
};

/** Whether the member has events in the run, kept current as their log grows. */
function useHasOwnEvents(session: DocSession, runId: RunId, memberId: MemberId): boolean {
  const { doc } = session;
  const subscribe = useCallback(
    (onChange: () => void) => onRunLogChange(doc, runId, onChange),
    [doc, runId],
  );
  const read = () => readLog(doc, runId, memberId).length > 0;
  return useSyncExternalStore(subscribe, read, read);
}

const isAbort = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';

/**
 * "Share my observations": the member's log of the run as a `.leskring` file,
 * through the system share sheet (AirDrop, Bluetooth, mail…) where the
 * browser can share files, else as a download.
 */
export function ShareLogButton({ runId, memberId, cycleTitle, date }: ShareProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const session = useSession('cycle');
  const hasEvents = useHasOwnEvents(session, runId, memberId);
  const [busy, setBusy] = useState(false);

  async function share() {
    let bytes: Uint8Array;
    try {
      bytes = encodeRunLog(session.doc, runId, memberId);
    } catch {
      showToast(t('timeline.logFile.nothingToShare'));
      return;
    }
    const name = logFileName(cycleTitle, date);
    const file = new File([new Uint8Array(bytes)], name, { type: 'application/octet-stream' });
    if (navigator.canShare?.({ files: [file] })) {
      setBusy(true);
      try {
        await navigator.share({
          files: [file],
          title: t('timeline.logFile.shareTitle', { title: cycleTitle, file: name }),
        });
        return;
      } catch (error) {
        // The teacher closed the share sheet: nothing went wrong, nothing to say.
        if (isAbort(error)) return;
        console.warn('timeline: sharing the log file failed, downloading it instead', error);
      } finally {
        setBusy(false);
      }
    }
    downloadFile(file);
    showToast(t('timeline.logFile.downloaded', { file: name }));
  }

  // Nothing recorded: say so plainly rather than offer a button that cannot be pressed.
  if (!hasEvents) return <p className="log-file-action">{t('timeline.logFile.nothingToShare')}</p>;
  return (
    <div className="log-file-action">
      <button
        type="button"
        onClick={() => void share()}
        disabled={busy}
        aria-describedby={hintId}
        aria-busy={busy}
      >
        {t('timeline.logFile.share')}
      </button>
      <span id={hintId} className="muted small">
        {t('timeline.logFile.shareHint')}
      </span>
    </div>
  );
}

type ImportProps = {
  /** The run whose new events the confirmation counts (events of other runs are counted apart). */
  runId: RunId;
  /** Transaction origin of the import, kept out of the page's undo history. */
  origin: object;
};

type ImportFailure = { file: string; reason: LogImportErrorReason | 'unreadable' };

/** Events per run of the cycle: the import's confirmation says what it added. */
function countEvents(doc: Y.Doc): Map<RunId, number> {
  return new Map(observedRuns(doc).map((runId) => [runId, readRunLog(doc, runId).events.length]));
}

/**
 * "Import an observation log": merges a colleague's `.leskring` file into the
 * cycle exactly as sync would (importing twice adds nothing), or says why the
 * file cannot be used. Importing writes: only for members who may edit.
 */
export function ImportLogButton({ runId, origin }: ImportProps) {
  const { t } = useTranslation();
  const session = useSession('cycle');
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (failure) errorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [failure]);

  async function importFile(file: File) {
    if (file.size > MAX_LOG_FILE_BYTES) {
      setFailure({ file: file.name, reason: 'too-large' });
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      setFailure({ file: file.name, reason: 'unreadable' });
      return;
    }
    const before = countEvents(session.doc);
    let after: Map<RunId, number>;
    let result: LogValidation;
    try {
      const imported = session.change((doc) => importLogUpdate(doc, bytes, origin), origin);
      // Read after the import's transaction, not in it: reading a log the file brought turns its
      // placeholder into an array, and within the transaction that hides the change from observers.
      after = countEvents(session.doc);
      result = await imported;
    } catch (error) {
      // validateLogUpdate never throws; this guards the merge itself against a file no check foresaw.
      console.error('timeline: importing a log file failed', error);
      setFailure({ file: file.name, reason: 'corrupt' });
      return;
    }
    if (!result.ok) {
      setFailure({ file: file.name, reason: result.reason });
      return;
    }
    const here = (after.get(runId) ?? 0) - (before.get(runId) ?? 0);
    let elsewhere = 0;
    for (const [id, count] of after) if (id !== runId) elsewhere += count - (before.get(id) ?? 0);
    const parts: string[] = [];
    if (here > 0) parts.push(t('timeline.logFile.added', { count: here }));
    if (elsewhere > 0) parts.push(t('timeline.logFile.addedElsewhere', { count: elsewhere }));
    showToast(parts.length > 0 ? parts.join(' ') : t('timeline.logFile.nothingNew'));
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setFailure(null);
    setBusy(true);
    try {
      await importFile(file);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="log-file-action">
      <button
        type="button"
        onClick={() => inputRef.current?.click()}
        disabled={busy}
        aria-busy={busy}
        aria-describedby={`${inputId}-hint`}
      >
        {t('timeline.logFile.import')}
      </button>
      <span id={`${inputId}-hint`} className="muted small">
        {t('timeline.logFile.importHint')}
      </span>
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        accept=".leskring,application/octet-stream"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('timeline.logFile.import')}
        data-testid="log-import-input"
        onChange={(event) => void onFile(event)}
      />
      {failure && (
        <div
          ref={errorRef}
          className="notice notice-error log-file-error"
          role="alert"
          data-testid="log-import-error"
        >
          <p>
            <strong>{t('timeline.logFile.failed', { file: failure.file })}</strong>
          </p>
          <p>{t(`timeline.logFile.errors.${failure.reason}`)}</p>
        </div>
      )}
    </div>
  );
}
