-- The bare endpoint: same host and pipeline, no key, no grain, no storage.
request = function()
  return wrk.format("GET", "/bench/ceiling")
end
