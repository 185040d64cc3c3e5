// Runs first in <body>: GOV.UK Frontend styles its JavaScript-enhanced components only under this class.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
