import { useTranslation } from 'react-i18next';
import { Placeholder } from '../../components/Placeholder';

export default function LessonPage(_props: { params: string[] }) {
  const { t } = useTranslation();
  return <Placeholder title={t("nav.lesson")} text="…" />;
}
