import { useTranslation } from 'react-i18next';
import { Placeholder } from '../../components/Placeholder';

export default function InstructorPage(_props: { params: string[] }) {
  const { t } = useTranslation();
  return <Placeholder title={t("nav.instructor")} text="…" />;
}
