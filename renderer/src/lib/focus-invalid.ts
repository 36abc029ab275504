// After a form is refused, the focus goes to its first invalid field in screen order, whose message is read with it
// (aria-describedby): a keyboard or screen-reader user otherwise hears nothing, and the field may be scrolled out of
// sight. Fields are found by `aria-invalid`, which Mantine sets on the control a person uses (a select's visible
// input, not its hidden one), once the errors are drawn: so it looks after the next frame, and a few frames more when
// the errors come after an await (React then draws them in a task of its own, which may come after the frame).
const FRAMES = 5;

export function focusFirstInvalid(form: HTMLFormElement | null, frames = FRAMES): void {
  requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]:not([type="hidden"]):not([disabled])');
    if (field) field.focus();
    else if (frames > 1) focusFirstInvalid(form, frames - 1);
  });
}
