// The door of the post feature: what the app and other features may use of it.
export { LettersToPostPage } from './LettersToPostPage';
