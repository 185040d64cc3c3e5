// Enhancements only (error summary focus, skip link, …): every page works without this script.
import { initAll } from "../webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js";

initAll();
