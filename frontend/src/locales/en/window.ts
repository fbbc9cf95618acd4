// The window itself: the operator's name asked at start, zoom, search, undo, tables.
export default {
  operator: {
    title: 'Your name, please',
    text: 'Imports, undos and every change record the operator in the audit log. Enter your name (and unit); you can change it later in Settings.',
    placeholder: 'e.g. Wang Jianguo, Organs Work Committee',
    later: 'Later',
    never: 'Do not ask again',
    saved: 'Operator recorded: {name}',
  },
  zoom: { changed: 'Zoom {n}%', hint: 'Ctrl + plus to zoom in, Ctrl + minus to zoom out, Ctrl + 0 to reset' },
  unknownBuild: 'not recorded (development build)',
  table: { export: 'Export', exportHint: 'Export to Excel with the columns, sort and filter shown', exported: '{n} rows exported: {path}' },
  search: {
    title: 'Search',
    placeholder: 'A unit, person, round or finding',
    hint: 'Ctrl+K opens the search, ↑↓ choose, Enter opens',
    none: 'Nothing found for “{q}”',
    more: '{n} found; only the first are listed, type more to narrow',
    kinds: { unit: 'Unit', person: 'Person', round: 'Round', finding: 'Finding' },
  },
  dirty: {
    title: 'Discard unsaved changes?',
    text: 'The form has changes that are not saved; closing it loses them.',
    discard: 'Discard',
    keep: 'Keep editing',
  },
}
