// The one filler of the English templates shared/ keeps beside their phrases (shared/model/problems.ts,
// shared/casework/summaries.ts, shared/rules/explain.ts): plain {placeholders}, no plural or select.

/** The template with each {name} replaced by `valueOf(name)`. */
export function fillTemplate(template: string, valueOf: (name: string) => string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => valueOf(name));
}
