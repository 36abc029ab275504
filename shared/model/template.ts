// The one filler of the English templates shared/ keeps beside their phrases: plain {placeholders}, no plural or
// select. A coded message (a code and values) is filled through ./saying.ts `sayingInEnglish`, which uses this.

/** The template with each {name} replaced by `valueOf(name)`. */
export function fillTemplate(template: string, valueOf: (name: string) => string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => valueOf(name));
}
