import Link from '@/components/link';
import { getTranslations } from '@/lib/i18n/server';

type Props = { shelters: { shelterId: string; name: string; beds: number }[] };

/** The network's beds with two guests, shelter by shelter (counts only), each a link to the host's page. */
export async function TwoInOneBedLine({ shelters }: Props) {
  if (shelters.length === 0) return null;
  const t = await getTranslations('occupancy');
  const total = shelters.reduce((sum, shelter) => sum + shelter.beds, 0);
  return (
    <div className="form-status error" role="alert">
      <p>{t('twoInOneBed', { count: total })}</p>
      <ul>
        {shelters.map((shelter) => (
          <li key={shelter.shelterId}>
            <Link href={`/shelters/${shelter.shelterId}`}>{t('twoInOneBedAt', { shelter: shelter.name, count: shelter.beds })}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
