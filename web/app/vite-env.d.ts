// Vite client types: CSS imports and import.meta.env in the web app.
/// <reference types="vite/client" />
