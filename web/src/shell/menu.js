// Collects the side-menu entries of all modules: each src/modules/<name>/menu.js
// exports a default array of { path, titleKey, icon, permission?, order?, when? }; the menu shows an entry only to
// users holding its permission and, with when(user), only to those it answers true for (see session.js
// allowedEntries).
const files = import.meta.glob('../modules/*/menu.js', { eager: true })

export const menuEntries = Object.values(files)
  .flatMap((module) => module.default || [])
  .sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
