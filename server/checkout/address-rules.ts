/**
 * What a postal address needs in the countries we check closely: the shape of a postal code, and whether a region
 * (state, province, territory) is required and from which list. Countries not listed take any postal code and region.
 */
export interface AddressRule {
  postalCode: RegExp;
  /** How a well-formed code is written, shown in the error: "12345 or 12345-6789". */
  postalExample: string;
  /** Spaces normalised on the way in: "sw1y4jh" is stored as "SW1Y 4JH". */
  normalisePostalCode?: (code: string) => string;
  regionLabel?: string;
  /** When present, the region is required and must be one of these codes. */
  regions?: ReadonlySet<string>;
}

// Every state, the District of Columbia, the inhabited territories and the military post codes USPS delivers to.
const US_STATES = new Set(
  "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AS GU MP PR VI UM AA AE AP".split(
    " ",
  ),
);
const CA_PROVINCES = new Set("AB BC MB NB NL NS NT NU ON PE QC SK YT".split(" "));
const AU_STATES = new Set("ACT NSW NT QLD SA TAS VIC WA".split(" "));

/** The inward code is always the last three characters: "SW1Y4JH" → "SW1Y 4JH". */
const spaceBeforeLastThree = (code: string) => {
  const compact = code.replace(/\s+/g, "");
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
};

export const ADDRESS_RULES: Readonly<Record<string, AddressRule>> = {
  US: {
    postalCode: /^\d{5}(-\d{4})?$/,
    postalExample: "12345 or 12345-6789",
    regionLabel: "state",
    regions: US_STATES,
  },
  CA: {
    postalCode: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/,
    postalExample: "A1A 1A1",
    normalisePostalCode: spaceBeforeLastThree,
    regionLabel: "province or territory",
    regions: CA_PROVINCES,
  },
  // Royal Mail's outward code (area, district, optional sub-district letter) and inward code (sector digit, unit letters).
  GB: {
    postalCode: /^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]([0-9ABEHMNPRV-Y])?|[0-9][A-HJKPS-UW]) ?[0-9][ABD-HJLNP-UW-Z]{2})$/,
    postalExample: "SW1A 1AA",
    normalisePostalCode: spaceBeforeLastThree,
  },
  DE: { postalCode: /^\d{5}$/, postalExample: "10115" },
  FR: { postalCode: /^\d{5}$/, postalExample: "75001" },
  AU: {
    postalCode: /^\d{4}$/,
    postalExample: "2000",
    regionLabel: "state or territory",
    regions: AU_STATES,
  },
  JP: { postalCode: /^\d{3}-\d{4}$/, postalExample: "123-4567" },
};

export type AddressFieldErrors = Partial<Record<"postalCode" | "region", string>>;

/**
 * The postal code and region checked against the country's rule (upper-cased first), with what is wrong beside each
 * field; the values to store, normalised, when nothing is.
 */
export function checkAddressForCountry(address: { country: string; postalCode: string; region?: string }): {
  errors: AddressFieldErrors;
  postalCode: string;
  region?: string;
} {
  const postalCode = address.postalCode.toUpperCase();
  const region = address.region?.toUpperCase();
  const rule = ADDRESS_RULES[address.country];
  if (!rule)
    return {
      errors: {},
      postalCode: address.postalCode,
      region: address.region,
    };
  const errors: AddressFieldErrors = {};
  if (!rule.postalCode.test(postalCode)) errors.postalCode = `Enter a postal code like ${rule.postalExample}`;
  if (rule.regions && !region) errors.region = `Enter the ${rule.regionLabel}`;
  else if (rule.regions && region && !rule.regions.has(region))
    errors.region = `Enter the ${rule.regionLabel} as its code, like ${[...rule.regions][0]}`;
  return {
    errors,
    postalCode: rule.normalisePostalCode ? rule.normalisePostalCode(postalCode) : postalCode,
    region: rule.regions ? region : address.region,
  };
}
