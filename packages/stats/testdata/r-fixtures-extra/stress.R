## stress.R -- random data sets (sizes, ties, rounding, missing values, factor levels, conf levels, rho
## vary with the seed) through the same case builders as generate_extra.R, written to a scratch folder
## for the agreement report; not committed as fixtures (they only re-check the same code paths).
##
##   cd packages/stats/testdata/r-fixtures-extra && Rscript stress.R /tmp/stats-stress
##   node packages/cli/bin/run-ts.mjs packages/stats/bench/agreement.ts /tmp/stats-stress
args <- commandArgs(trailingOnly = TRUE)
out_dir <- if (length(args)) args[1] else file.path(tempdir(), "stats-stress")
SCRIPT <- "packages/stats/testdata/r-fixtures-extra/stress.R"
source("extra_lib.R")
dir.create(file.path(out_dir, "specs"), recursive = TRUE, showWarnings = FALSE)
for (seed in 1:12) {
  set.seed(seed * 101)
  n <- sample(c(15, 40, 120, 400), 1)
  k <- sample(2:5, 1)
  lev <- sample(c("alpha", "Beta", "c1", "d_2", "e"), k)
  g <- factor(sample(lev, n, replace = TRUE), levels = lev)
  x1 <- round(rnorm(n), sample(c(1, 3), 1)); x2 <- rbinom(n, 1, 0.3); x3 <- sample(0:4, n, replace = TRUE)
  rate <- 0.05 * exp(0.4 * x1 - 0.5 * x2 + 0.2 * x3)
  tt <- rexp(n, rate); cc <- runif(n, 0, quantile(tt, 0.8))
  digits <- sample(c(0, 1, 3), 1)
  time <- round(pmin(tt, cc), digits) + (digits == 0)
  status <- as.integer(tt <= cc)
  cause <- ifelse(status == 1, sample(1:2, n, replace = TRUE, prob = c(0.4, 0.6)), 0L)
  miss <- sample(n, max(1, n %/% 20)); x1[miss[1]] <- NA; if (length(miss) > 1) g[miss[2]] <- NA
  marker <- x1 + rnorm(n); marker2 <- round(x3 + rnorm(n, sd = 2))
  outc <- factor(ifelse(status == 1, "ev", "no"), levels = c("no", "ev"))
  d <- data.frame(time = time, status = status, cause = cause,
                  ev = factor(cause, 0:2, labels = c("cens", "one", "two")),
                  g = g, x1 = x1, x2 = x2, x3 = x3, marker = marker, marker2 = marker2, outc = outc)
  tms <- sort(unique(round(quantile(time, c(0.1, 0.5, 0.9)), 1)))
  items <- list(
    km_item("km", d, "g", "g", conf = sample(c(0.9, 0.95, 0.99), 1)),
    lr_item("lr", d, "g", rho = sample(c(0, 0.5, 1), 1)),
    cox_item("cox_e", d, c("x1", "x2", "x3", "g"), "efron"),
    cox_item("cox_b", d, c("x1", "x2", "x3", "g"), "breslow"),
    item(make_case("ci", cuminc_code("time", "cause", "g", paste0("c(", paste(tms, collapse = ","), ")")), d, cuminc_extract),
         spec_of("competing_risks", d, list(method = "cuminc", time = "time", status = "cause", group = "g", at_times = arr(tms)))),
    item(make_case("aj", aj_code("time", "ev", "g", paste0("c(", paste(tms, collapse = ","), ")")), d, aj_extract),
         spec_of("competing_risks", d, list(method = "aalen_johansen", time = "time", status = "ev", group = "g", at_times = arr(tms)))),
    item(make_case("roc", paste0("r <- roc(d$outc, d$marker)\nci <- ci.auc(r, method = \"delong\")\nv <- var(r, method = \"delong\")\n",
           "best <- coords(r, \"best\", best.method = \"youden\", ret = c(\"threshold\", \"sensitivity\", \"specificity\"), transpose = FALSE)"), d, roc_extract),
         spec_of("roc", d, list(outcome = "outc", marker = "marker"))),
    item(roc_test_case("rt", roc_test_code("outc", "marker", "marker2", c("no", "ev"), "auto", "auto"), d),
         spec_of("roc_test", d, list(outcome = "outc", marker1 = "marker", marker2 = "marker2", levels = arr(c("no", "ev")), directions = arr(c("auto", "auto"))))),
    item(make_case("glm", glm_code("status ~ x1 + x2 + g"), d, glm_extract),
         spec_of("logistic_glm", d, list(outcome = "status", terms = arr(c("x1", "x2", "g")))))
  )
  ok <- list()
  for (it in items) if (is.null(it$case$r_warnings) || !any(grepl("converge|singular|infinite", it$case$r_warnings))) ok[[length(ok) + 1]] <- it
  fixture(paste0("stress", seed), "mixed", "simulated", "stress", d, ok, c("survival", "cmprsk", "pROC", "jsonlite"))
}
