import { useTranslation } from 'react-i18next';

type Props = { teamId: string; cycleId: string; runId: string };

export default function TimelinePage(_props: Props) {
  const { t } = useTranslation();
  return <h1>{t('timeline.title')}</h1>;
}
