"""A JUnit consumer nobody here wrote (Debian's python3-junitparser) reads
`litmus export RUN -f junit`. argv: litmus binary, mcp_seed_store binary."""
import os
import subprocess
import sys
import tempfile

from junitparser import Error, Failure, JUnitXml, Skipped

litmus, seed = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory() as data:
    runs = subprocess.run([seed, data], check=True, capture_output=True, text=True).stdout.split()
    out = os.path.join(data, "out")
    path = subprocess.run([litmus, "export", runs[0][:8], "-f", "junit", "-o", out, "--data-dir", data],
                          check=True, capture_output=True, text=True).stdout.strip()
    xml = JUnitXml.fromfile(path)
    suites = list(xml)
    assert len(suites) == 1, suites
    suite = suites[0]
    assert suite.tests == 1 and suite.failures == 1 and suite.errors == 0, (suite.tests, suite.failures)
    cases = list(suite)
    assert cases[0].name == "Power/Rail", cases[0].name
    results = cases[0].result
    assert len(results) == 1 and isinstance(results[0], Failure), results
    assert results[0].message == "v_rail = 3.5 V (limits 3.2 .. 3.4): failed", results[0].message
    props = {p.name: p.value for p in suite.properties()}
    assert props["run_id"] == runs[0] and props["dut_serial"] == "A", props
print("junitparser read the export: OK")
