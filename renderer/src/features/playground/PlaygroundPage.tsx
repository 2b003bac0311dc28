import { useTranslation } from 'react-i18next';
import { Placeholder } from '../../components/Placeholder';

export default function PlaygroundPage(_props: { params: string[] }) {
  const { t } = useTranslation();
  return <Placeholder title={t("nav.playground")} text="…" />;
}
