// The two widths the holdings journeys look at: a laptop's console and a phone's.
export const WIDE = { width: 1280, height: 860 };
export const NARROW = { width: 390, height: 844 };
