// Whether the console runs on a phone-sized screen (the same breakpoint as the stylesheets' 767 px), read once when
// a page is opened: detail tables drop to one column and dialogs fill the screen's width.
export const narrow = window.matchMedia?.('(max-width: 767px)').matches ?? false
