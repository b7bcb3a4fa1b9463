// A small status badge as SVG, in the shape people know from README files: a grey label, a coloured
// value. Text is escaped; widths are estimated from the characters (Verdana 11 px). Pure.
const COLOURS = { green: "#2e9e44", red: "#d73a2f", amber: "#c98a00", grey: "#6b7280", blue: "#2563eb" } as const;
export type BadgeColour = keyof typeof COLOURS;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[char]!);
}

/** Verdana 11 px: about 6.5 px a character, wider for capitals and digits. */
function textWidth(text: string): number {
  return [...text].reduce((width, char) => width + (/[A-Z0-9%]/.test(char) ? 7.5 : /[il.,:; ]/.test(char) ? 3.5 : 6.5), 0);
}

export function badgeSvg(label: string, value: string, colour: BadgeColour): string {
  const left = Math.round(textWidth(label) + 12);
  const right = Math.round(textWidth(value) + 12);
  const width = left + right;
  const [l, v] = [escapeXml(label), escapeXml(value)];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${l}: ${v}"><title>${l}: ${v}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${COLOURS[colour]}"/><rect width="${width}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"><text x="${left / 2}" y="14">${l}</text><text x="${left + right / 2}" y="14">${v}</text></g></svg>`;
}
