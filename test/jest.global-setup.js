// One run-wide set of infrastructure processes (or MONGO_URL / NATS_URL / REDIS_URL when set).
module.exports = () => require('@switchboard/testing').globalSetup();
