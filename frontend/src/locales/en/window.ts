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
  dirty: {
    title: 'Discard unsaved changes?',
    text: 'The form has changes that are not saved; closing it loses them.',
    discard: 'Discard',
    keep: 'Keep editing',
  },
}
