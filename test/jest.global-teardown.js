module.exports = () => require('@switchboard/testing').globalTeardown();
