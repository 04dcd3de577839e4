import { z } from 'zod';
import { PARTNER_KINDS } from '../cases/case-vocabulary';
import mukomuko from './presets/mukomuko.json';
import jombang from './presets/jombang.json';

// Everything district-specific is data: one deployment serves one district.

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const DistrictSchema = z.object({
  key: z.string(),
  name: z.string(),
  province: z.string(),
  unitName: z.string(),
  unitShortName: z.string(),
  regulation: z.string(),
  timezone: z.string(),
  languages: z.array(z.enum(['id', 'en'])).min(1),
  kecamatan: z.array(z.string().min(1)).min(1),
  emergencyContacts: z.array(z.object({ label: z.string(), number: z.string() })).min(1),
  /** The unit's own on-call number; deployments set it with DISTRICT_ONCALL_PHONE. */
  onCallPhone: z.string().optional(),
  officeHours: z.object({ days: z.array(z.number().int().min(0).max(6)), open: hhmm, close: hhmm }),
  /** Partners a new deployment starts with (no contact details: the unit confirms them, "perlu diperiksa"). */
  startingPartners: z.array(z.object({ name: z.string().min(2), kind: z.enum(PARTNER_KINDS), services: z.string().optional() })).default([]),
});
export type District = z.infer<typeof DistrictSchema>;

const PRESETS = { mukomuko, jombang } as const;
export type DistrictKey = keyof typeof PRESETS;

export function loadDistrict(key: DistrictKey, onCallPhone?: string): District {
  return DistrictSchema.parse({ ...PRESETS[key], onCallPhone });
}

/** Exact kecamatan name for what a reporter typed (case, spacing and "kec." ignored), or undefined. */
export function findKecamatan(district: District, typed: string): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/^kec(amatan)?\.?\s*/, '').replace(/\s+/g, ' ').trim();
  const wanted = norm(typed);
  return district.kecamatan.find((k) => norm(k) === wanted);
}
