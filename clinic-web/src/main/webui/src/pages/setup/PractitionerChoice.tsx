import { useTranslation } from 'react-i18next';
import { useClinic } from '../../clinic';

export function PractitionerChoice({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const clinic = useClinic();
  return (
    <label><span>{t('field.practitionerId')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('form.choose')}</option>
        {clinic.practitioners.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
    </label>
  );
}
