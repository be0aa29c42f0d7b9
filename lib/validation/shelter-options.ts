// The closed lists a shelter profile chooses from; client-safe (no zod, no database).
export const LANGUAGES = ['ru', 'uk', 'en', 'tr', 'be', 'kk', 'ka', 'hy', 'az', 'de', 'fr', 'ar', 'fa'] as const;
export const AMENITIES = ['wifi', 'shower', 'kitchen', 'meals', 'laundry', 'charging', 'lockers', 'heating'] as const;
export const TIME_ZONES = ['Europe/Istanbul', 'Asia/Tbilisi', 'Asia/Yerevan', 'Asia/Almaty', 'Europe/Belgrade'] as const;
