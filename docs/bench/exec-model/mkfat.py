# One jar, as exdiag would ship it: the exdiag shaded jar + the spike's classes + the generated model + the
# executable-model run time (services files merged).
import zipfile, os
M = os.path.expanduser('~/.m2/repository/org/drools')
srcs = ['lib/exdiag.jar', 'target/spike-exec-1.jar', 'gen/rules-model.jar',
        f'{M}/drools-model-compiler/10.2.0/drools-model-compiler-10.2.0.jar',
        f'{M}/drools-canonical-model/10.2.0/drools-canonical-model-10.2.0.jar']
seen = set(); services = {}
out = zipfile.ZipFile('gen/fat.jar', 'w', zipfile.ZIP_DEFLATED)
for s in srcs:
    z = zipfile.ZipFile(s)
    for i in z.infolist():
        n = i.filename
        if n.startswith('META-INF/services/') and not n.endswith('/'):
            services.setdefault(n, []).append(z.read(n)); continue
        if n in seen or (n == 'META-INF/MANIFEST.MF' and s != 'lib/exdiag.jar'): continue
        seen.add(n); out.writestr(i, z.read(n))
for n, parts in services.items():
    out.writestr(n, b'\n'.join(p.rstrip(b'\n') for p in parts) + b'\n')
out.close()
