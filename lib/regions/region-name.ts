// A region's name: what REGION, DEFAULT_REGIONS and the API's "regions" accept. Pure.
export const REGION_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;
