import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import '../../i18n/plgTexts.ts';
import { downloadFile, slug } from '../../app/download.ts';
import { showToast } from '../../app/ui/toasts.ts';
import { exportCycleFile } from '../../model/cycleFile.ts';
import { useSession } from '../../sync/SessionContext.tsx';

type Props = { title: string; reportHref: string };

/** Taking the cycle elsewhere: the whole cycle as a file for another team, and the printable report. */
export function CycleExchange({ title, reportHref }: Props) {
  const { t } = useTranslation();
  const session = useSession('cycle');
  const hintId = useId();

  function exportIt() {
    const text = exportCycleFile(session.doc, new Date().toISOString());
    const name = `${slug(title) || 'cyclus'}.leskring-cyclus.json`;
    downloadFile(new File([text], name, { type: 'application/json' }));
    showToast(t('plg.exchange.exported'));
  }

  return (
    <section className="card stack" aria-labelledby="cycle-exchange-heading">
      <h2 id="cycle-exchange-heading">{t('plg.exchange.heading')}</h2>
      <div className="row">
        <Link href={reportHref} className="button-link">
          {t('plg.exchange.report')}
        </Link>
        <button type="button" onClick={exportIt} aria-describedby={hintId}>
          {t('plg.exchange.export')}
        </button>
      </div>
      <p id={hintId} className="muted small">
        {t('plg.exchange.exportHint')}
      </p>
    </section>
  );
}
