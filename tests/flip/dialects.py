#!/usr/bin/env python3
"""dialects.py - the caller dialect matrix of issue 12 (class 7): allele fraction and depth as each caller writes them.

    python3 tests/flip/dialects.py [--bin ./mcrc-report] [--out tests/out/flip/dialects] [--keep]

For every caller below, small GRCh38 VCFs with one KRAS G12D call (chr12:25245350 C>T, c.35G>A, from
annotations/hotspots.tsv) written in that caller's own fields, at three points:
    low-vaf    allele fraction 0.025 at depth 200  -> not mutant (below --min-vaf 0.05)
    mutant     allele fraction 0.25  at depth 200  -> mutant
    low-depth  allele fraction 0.25  at depth 60   -> not mutant (below --min-depth 100)
"not mutant" means: exit 0 with KRAS indeterminate (or any status but mutant), or exit 2 with one line on stderr.
The row passes only if the report says exactly that; mutant must be mutant.
Where a caller writes a genotype-based AF (FreeBayes INFO/AF, Platypus INFO/FR = 0.5 for a het call) it is written
too, as the caller would: it is not the read fraction and must not be taken for it.
Prints one PASS/FAIL line a row and "N passed, N failed".
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
CHROM, POS, REF, ALT = 'chr12', 25245350, 'C', 'T'
HEAD = ['##fileformat=VCFv4.2', '##FILTER=<ID=PASS,Description="All filters passed">',
        '##contig=<ID=chr1,length=248956422>', '##contig=<ID=chr7,length=159345973>',
        '##contig=<ID=chr12,length=133275309>', '##contig=<ID=chr17,length=83257441>']
POINTS = [('low-vaf', 0.025, 200, False), ('mutant', 0.25, 200, True), ('low-depth', 0.25, 60, False)]


def fmt(tag, num, typ, desc):
    return '##FORMAT=<ID=%s,Number=%s,Type=%s,Description="%s">' % (tag, num, typ, desc)


def info(tag, num, typ, desc):
    return '##INFO=<ID=%s,Number=%s,Type=%s,Description="%s">' % (tag, num, typ, desc)


def counts(vaf, dp):
    alt = int(round(vaf * dp))
    return dp - alt, alt


# each dialect: (name, source line, header lines, sample names, function(vaf, dp) -> (INFO, FORMAT, [sample cols]))
def freebayes(v, d):
    r, a = counts(v, d)
    return ('AB=0;AC=1;AF=0.5;AN=2;AO=%d;DP=%d;RO=%d;TYPE=snp' % (a, d, r), 'GT:DP:RO:QR:AO:QA:GL',
            ['0/1:%d:%d:%d:%d:%d:-10,0,-10' % (d, r, r * 35, a, a * 35)])


def freebayes_ad(v, d):
    """newer FreeBayes: FORMAT/AD as well"""
    inf, form, cols = freebayes(v, d)
    r, a = counts(v, d)
    f = cols[0].split(':')
    return inf, form.replace('GT:DP:', 'GT:DP:AD:'), [':'.join(f[:2] + ['%d,%d' % (r, a)] + f[2:])]


def platypus(v, d):
    r, a = counts(v, d)
    return ('FR=0.5;TC=%d;TR=%d;NF=%d;NR=%d;FS=0;HP=2;MQ=60;QD=20' % (d, a, a // 2, a - a // 2), 'GT:GL:GOF:GQ:NR:NV',
            ['0/1:-10,0,-10:3:99:%d:%d' % (d, a)])


def lofreq(v, d):
    r, a = counts(v, d)
    return ('DP=%d;AF=%.6f;SB=0;DP4=%d,%d,%d,%d' % (d, a / d, r - r // 2, r // 2, a - a // 2, a // 2), None, [])


def vardict(v, d):
    r, a = counts(v, d)
    return ('SAMPLE=TUMOR;TYPE=SNV;DP=%d;VD=%d;AF=%.4f;BIAS=2:2;REFBIAS=%d:%d;VARBIAS=%d:%d' %
            (d, a, a / d, r // 2, r - r // 2, a // 2, a - a // 2), 'GT:DP:VD:AD:AF:RD:ALD',
            ['0/1:%d:%d:%d,%d:%.4f:%d,%d:%d,%d' % (d, a, r, a, a / d, r // 2, r - r // 2, a // 2, a - a // 2)])


def strelka2(v, d):
    r, a = counts(v, d)
    base = {'A': (0, 0), 'C': (r, r), 'G': (0, 0), 'T': (a, a)}
    nd = 100
    normal = '%d:0:0:0:0,0:%d,%d:0,0:0,0' % (nd, nd, nd)
    tum = '%d:0:0:0:%d,%d:%d,%d:%d,%d:%d,%d' % (d, *base['A'], *base['C'], *base['G'], *base['T'])
    return ('SOMATIC;QSS=60;TQSS=1;NT=ref;QSS_NT=60;TQSS_NT=1;SGT=CC->CT;DP=%d;MQ=60' % (d + nd),
            'DP:FDP:SDP:SUBDP:AU:CU:GU:TU', [normal, tum])


def mutect2(v, d):
    r, a = counts(v, d)
    return ('DP=%d;TLOD=40.1' % (d + 100), 'GT:AD:AF:DP:F1R2:F2R1',
            ['0/0:100,0:0.010:100:50,0:50,0', '0/1:%d,%d:%.3f:%d:%d,%d:%d,%d' % (r, a, a / d, d, r // 2, a // 2,
                                                                                 r - r // 2, a - a // 2)])


def varscan2(v, d):
    r, a = counts(v, d)
    return ('DP=%d;SOMATIC;SS=2;SSC=40;GPV=1;SPV=1e-05' % (d + 100), 'GT:GQ:DP:RD:AD:FREQ:DP4',
            ['0/0:.:100:100:0:0%:50,50,0,0', '0/1:.:%d:%d:%d:%s%%:%d,%d,%d,%d' % (
                d, r, a, ('%.2f' % (100.0 * a / d)).rstrip('0').rstrip('.'), r // 2, r - r // 2, a // 2, a - a // 2)])


def pisces(v, d):
    r, a = counts(v, d)
    return ('DP=%d' % d, 'GT:GQ:AD:DP:VF:NL:SB:NC:US', ['0/1:100:%d,%d:%d:%.3f:20:-100.0:0.0:0,0,0,0,0,0,0,0,0,0,0,0'
                                                        % (r, a, d, a / d)])


def deepvariant(v, d):
    r, a = counts(v, d)
    return ('.', 'GT:GQ:DP:AD:VAF:PL', ['0/1:30:%d:%d,%d:%.6f:30,0,40' % (d, r, a, a / d)])


def octopus(v, d):
    r, a = counts(v, d)
    return ('AC=1;AN=2;DP=%d;MQ=60;NS=1' % d, 'GT:GQ:DP:MQ:PS:PQ:AD:ADP:AF',
            ['0|1:50:%d:60:%d:99:%d,%d:%d:%.4f,%.4f' % (d, POS, r, a, d, r / d, a / d)])


def tnscope(v, d):
    r, a = counts(v, d)
    return ('ECNT=1;TLOD=30.0;NLOD=10.0', 'GT:AD:AF:ALT_F1R2:ALT_F2R1:REF_F1R2:REF_F2R1',
            ['0/1:%d,%d:%.3f:%d:%d:%d:%d' % (r, a, a / d, a // 2, a - a // 2, r // 2, r - r // 2),
             '0/0:100,0:0.000:0:0:50:50'])


def gatk_hc(v, d):
    r, a = counts(v, d)
    return ('AC=1;AF=0.500;AN=2;DP=%d;MQ=60.00;QD=20.0' % d, 'GT:AD:DP:GQ:PL', ['0/1:%d,%d:%d:99:100,0,100' % (r, a, d)])


def dragen(v, d):
    r, a = counts(v, d)
    return ('DP=%d;MQ=250.00' % d, 'GT:SQ:AD:AF:F1R2:F2R1:DP:SB:MB',
            ['0/1:20.0:%d,%d:%.3f:%d,%d:%d,%d:%d:%d,%d,%d,%d:%d,%d,%d,%d' % (
                r, a, a / d, r // 2, a // 2, r - r // 2, a - a // 2, d, r // 2, r - r // 2, a // 2, a - a // 2,
                r // 2, r - r // 2, a // 2, a - a // 2)])


DIALECTS = [
    ('freebayes', '##source=freeBayes v1.3.6', [
        info('AB', 'A', 'Float', 'Allele balance at heterozygous sites'),
        info('AC', 'A', 'Integer', 'Total number of alternate alleles in called genotypes'),
        info('AF', 'A', 'Float', 'Estimated allele frequency in the range (0,1]'),
        info('AN', '1', 'Integer', 'Total number of alleles in called genotypes'),
        info('AO', 'A', 'Integer', 'Alternate allele observations'),
        info('DP', '1', 'Integer', 'Total read depth at the locus'),
        info('RO', '1', 'Integer', 'Reference allele observation count'),
        info('TYPE', 'A', 'String', 'The type of allele'),
        fmt('GT', '1', 'String', 'Genotype'), fmt('DP', '1', 'Integer', 'Read Depth'),
        fmt('RO', '1', 'Integer', 'Reference allele observation count'),
        fmt('QR', '1', 'Integer', 'Sum of quality of the reference observations'),
        fmt('AO', 'A', 'Integer', 'Alternate allele observation count'),
        fmt('QA', 'A', 'Integer', 'Sum of quality of the alternate observations'),
        fmt('GL', 'G', 'Float', 'Genotype Likelihood')], ['TUMOR'], freebayes),
    ('freebayes-ad', '##source=freeBayes v1.3.6', None, ['TUMOR'], freebayes_ad),
    ('platypus', '##source=Platypus_Version_0.8.1', [
        info('FR', '.', 'Float', 'Estimated population frequency of variant'),
        info('TC', '1', 'Integer', 'Total coverage at this locus'),
        info('TR', '.', 'Integer', 'Total number of reads containing this variant'),
        info('NF', '.', 'Integer', 'Total number of forward reads containing this variant'),
        info('NR', '.', 'Integer', 'Total number of reverse reads containing this variant'),
        info('FS', '.', 'Float', 'Fisher\'s exact test for strand bias (Phred scale)'),
        info('HP', '1', 'Integer', 'Homopolymer run length around variant locus'),
        info('MQ', '.', 'Float', 'Root mean square of mapping qualities of reads at the variant position'),
        info('QD', '1', 'Float', 'Variant-quality/read-depth for this variant'),
        fmt('GT', '1', 'String', 'Unphased genotypes'), fmt('GL', '.', 'Float', 'Genotype log10-likelihoods'),
        fmt('GOF', '.', 'Float', 'Goodness of fit value'), fmt('GQ', '.', 'Integer', 'Genotype quality'),
        fmt('NR', '.', 'Integer', 'Number of reads covering variant location in this sample'),
        fmt('NV', '.', 'Integer', 'Number of reads containing variant in this sample')], ['TUMOR'], platypus),
    ('lofreq', '##source=lofreq call', [
        info('DP', '1', 'Integer', 'Raw Depth'), info('AF', '1', 'Float', 'Allele Frequency'),
        info('SB', '1', 'Integer', 'Phred-scaled strand bias at this position'),
        info('DP4', '4', 'Integer', 'Counts for ref-forward bases, ref-reverse, alt-forward and alt-reverse bases')],
     [], lofreq),
    ('vardict', '##source=VarDict_v1.8.2', [
        info('SAMPLE', '1', 'String', 'Sample name'), info('TYPE', '1', 'String', 'Variant Type: SNV Insertion Deletion Complex'),
        info('DP', '1', 'Integer', 'Total Depth'), info('VD', '1', 'Integer', 'Variant Depth'),
        info('AF', '1', 'Float', 'Allele Frequency'), info('BIAS', '1', 'String', 'Strand Bias Info'),
        info('REFBIAS', '1', 'String', 'Reference depth by strand'), info('VARBIAS', '1', 'String', 'Variant depth by strand'),
        fmt('GT', '1', 'String', 'Genotype'), fmt('DP', '1', 'Integer', 'Total Depth'),
        fmt('VD', '1', 'Integer', 'Variant Depth'),
        fmt('AD', 'R', 'Integer', 'Allelic depths for the ref and alt alleles in the order listed'),
        fmt('AF', '1', 'Float', 'Allele Frequency'), fmt('RD', '2', 'Integer', 'Reference forward, reverse reads'),
        fmt('ALD', '2', 'Integer', 'Variant forward, reverse reads')], ['TUMOR'], vardict),
    ('strelka2', '##source=strelka\n##source_version=2.9.10', [
        info('SOMATIC', '0', 'Flag', 'Somatic mutation'), info('QSS', '1', 'Integer', 'Quality score'),
        info('TQSS', '1', 'Integer', 'Data tier used to compute QSS'), info('NT', '1', 'String', 'Genotype of the normal'),
        info('QSS_NT', '1', 'Integer', 'Quality score reflecting the joint probability'),
        info('TQSS_NT', '1', 'Integer', 'Data tier used to compute QSS_NT'),
        info('SGT', '1', 'String', 'Most likely somatic genotype'), info('DP', '1', 'Integer', 'Combined depth'),
        info('MQ', '1', 'Float', 'RMS Mapping Quality'),
        fmt('DP', '1', 'Integer', 'Read depth for tier1 (used+filtered)'),
        fmt('FDP', '1', 'Integer', 'Number of basecalls filtered'), fmt('SDP', '1', 'Integer', 'Number of reads with deletions'),
        fmt('SUBDP', '1', 'Integer', 'Number of reads below tier1 mapping quality'),
        fmt('AU', '2', 'Integer', 'Number of \'A\' alleles used in tiers 1,2'),
        fmt('CU', '2', 'Integer', 'Number of \'C\' alleles used in tiers 1,2'),
        fmt('GU', '2', 'Integer', 'Number of \'G\' alleles used in tiers 1,2'),
        fmt('TU', '2', 'Integer', 'Number of \'T\' alleles used in tiers 1,2')], ['NORMAL', 'TUMOR'], strelka2),
    ('mutect2', '##source=Mutect2\n##tumor_sample=TUMOR\n##normal_sample=NORMAL', [
        info('DP', '1', 'Integer', 'Approximate read depth'), info('TLOD', 'A', 'Float', 'Log 10 likelihood ratio score'),
        fmt('GT', '1', 'String', 'Genotype'), fmt('AD', 'R', 'Integer', 'Allelic depths'),
        fmt('AF', 'A', 'Float', 'Allele fractions of alternate alleles in the tumor'),
        fmt('DP', '1', 'Integer', 'Approximate read depth'), fmt('F1R2', 'R', 'Integer', 'Count of reads in F1R2 pair orientation'),
        fmt('F2R1', 'R', 'Integer', 'Count of reads in F2R1 pair orientation')], ['NORMAL', 'TUMOR'], mutect2),
    ('varscan2', '##source=VarScan2', [
        info('DP', '1', 'Integer', 'Total depth of quality bases'), info('SOMATIC', '0', 'Flag', 'Somatic'),
        info('SS', '1', 'String', 'Somatic status'), info('SSC', '1', 'String', 'Somatic score'),
        info('GPV', '1', 'Float', 'Germline p-value'), info('SPV', '1', 'Float', 'Somatic p-value'),
        fmt('GT', '1', 'String', 'Genotype'), fmt('GQ', '1', 'Integer', 'Genotype Quality'),
        fmt('DP', '1', 'Integer', 'Read Depth'), fmt('RD', '1', 'Integer', 'Depth of reference-supporting bases'),
        fmt('AD', '1', 'Integer', 'Depth of variant-supporting bases'), fmt('FREQ', '1', 'String', 'Variant allele frequency'),
        fmt('DP4', '1', 'String', 'Strand read counts: ref/fwd, ref/rev, var/fwd, var/rev')], ['NORMAL', 'TUMOR'], varscan2),
    ('pisces', '##source=Pisces 5.2.10.49', [
        info('DP', '1', 'Integer', 'Total Depth'), fmt('GT', '1', 'String', 'Genotype'),
        fmt('GQ', '1', 'Integer', 'Genotype Quality'), fmt('AD', '.', 'Integer', 'Allele Depth'),
        fmt('DP', '1', 'Integer', 'Total Depth Used For Variant Calling'), fmt('VF', '.', 'Float', 'Variant Frequency'),
        fmt('NL', '1', 'Integer', 'Applied BaseCall Noise Level'), fmt('SB', '1', 'Float', 'StrandBias Score'),
        fmt('NC', '1', 'Float', 'Fraction of bases which were uncalled or with basecall quality below the minimum threshold'),
        fmt('US', '.', 'Integer', 'Supporting read counts')], ['TUMOR'], pisces),
    ('deepvariant', '##source=DeepVariant 1.5.0', [
        fmt('GT', '1', 'String', 'Genotype'), fmt('GQ', '1', 'Integer', 'Conditional genotype quality'),
        fmt('DP', '1', 'Integer', 'Read depth'), fmt('AD', 'R', 'Integer', 'Read depth for each allele'),
        fmt('VAF', 'A', 'Float', 'Variant allele fractions.'), fmt('PL', 'G', 'Integer', 'Phred-scaled genotype likelihoods')],
     ['TUMOR'], deepvariant),
    ('deepsomatic', '##source=DeepSomatic 1.7.0', None, ['TUMOR'], deepvariant),
    ('octopus', '##source=octopus\n##octopus=<version="0.7.4">', [
        info('AC', 'A', 'Integer', 'Allele count in genotypes'), info('AN', '1', 'Integer', 'Total number of alleles'),
        info('DP', '1', 'Integer', 'Combined depth across samples'), info('MQ', '1', 'Float', 'RMS mapping quality'),
        info('NS', '1', 'Integer', 'Number of samples with data'),
        fmt('GT', '1', 'String', 'Genotype'), fmt('GQ', '1', 'Integer', 'Conditional genotype quality'),
        fmt('DP', '1', 'Integer', 'Read depth'), fmt('MQ', '1', 'Integer', 'RMS mapping quality'),
        fmt('PS', '1', 'Integer', 'Phase set'), fmt('PQ', '1', 'Integer', 'Phasing quality'),
        fmt('AD', 'R', 'Integer', 'Empirical allele depth'),
        fmt('ADP', '1', 'Integer', 'Number of reads overlapping the position that could be assigned to an allele'),
        fmt('AF', 'R', 'Float', 'Empirical allele frequency (AD / ADP)')], ['TUMOR'], octopus),
    ('sentieon-tnscope', '##source=Sentieon TNscope\n##SentieonCommandLine.TNscope=<ID=TNscope,Version="202308">',
     [info('ECNT', '1', 'Integer', 'Number of events in this haplotype'),
      info('TLOD', 'A', 'Float', 'Tumor LOD score'), info('NLOD', 'A', 'Float', 'Normal LOD score'),
      fmt('GT', '1', 'String', 'Genotype'), fmt('AD', 'R', 'Integer', 'Allelic depths'),
      fmt('AF', 'A', 'Float', 'Allele fractions of alternate alleles in the tumor'),
      fmt('ALT_F1R2', '1', 'Integer', 'Count of reads in F1R2 pair orientation supporting the alternate allele'),
      fmt('ALT_F2R1', '1', 'Integer', 'Count of reads in F2R1 pair orientation supporting the alternate allele'),
      fmt('REF_F1R2', '1', 'Integer', 'Count of reads in F1R2 pair orientation supporting the reference allele'),
      fmt('REF_F2R1', '1', 'Integer', 'Count of reads in F2R1 pair orientation supporting the reference allele')],
     ['TUMOR', 'NORMAL'], tnscope),
    ('gatk-haplotypecaller', '##source=HaplotypeCaller', [
        info('AC', 'A', 'Integer', 'Allele count in genotypes'), info('AF', 'A', 'Float', 'Allele Frequency, for each ALT allele'),
        info('AN', '1', 'Integer', 'Total number of alleles'), info('DP', '1', 'Integer', 'Approximate read depth'),
        info('MQ', '1', 'Float', 'RMS Mapping Quality'), info('QD', '1', 'Float', 'Variant Confidence/Quality by Depth'),
        fmt('GT', '1', 'String', 'Genotype'), fmt('AD', 'R', 'Integer', 'Allelic depths'),
        fmt('DP', '1', 'Integer', 'Approximate read depth'), fmt('GQ', '1', 'Integer', 'Genotype Quality'),
        fmt('PL', 'G', 'Integer', 'Normalized, Phred-scaled likelihoods')], ['TUMOR'], gatk_hc),
    ('dragen', '##source=DRAGEN_SNV\n##DRAGENVersion=<ID=dragen,Version="SW: 4.2.4">', [
        info('DP', '1', 'Integer', 'Approximate read depth'), info('MQ', '1', 'Float', 'RMS Mapping Quality'),
        fmt('GT', '1', 'String', 'Genotype'), fmt('SQ', 'A', 'Float', 'Somatic quality'),
        fmt('AD', 'R', 'Integer', 'Allelic depths'), fmt('AF', 'A', 'Float', 'Allele fractions'),
        fmt('F1R2', 'R', 'Integer', 'F1R2 counts'), fmt('F2R1', 'R', 'Integer', 'F2R1 counts'),
        fmt('DP', '1', 'Integer', 'Approximate read depth'), fmt('SB', '4', 'Integer', 'Strand bias'),
        fmt('MB', '4', 'Integer', 'Mate bias')], ['TUMOR'], dragen),
]


def write_vcf(path, dialect, vaf, dp):
    name, source, header, samples, fn = dialect
    if header is None:        # the same header as the dialect it shares fields with
        header = next(d[2] for d in DIALECTS if d[4] is fn and d[2] is not None) if fn is not freebayes_ad else \
            next(d[2] for d in DIALECTS if d[0] == 'freebayes') + [fmt('AD', 'R', 'Integer', 'Allelic depths')]
    inf, form, cols = fn(vaf, dp)
    lines = HEAD[:1] + source.split('\n') + HEAD[1:] + header
    chrom = ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'] + (['FORMAT'] + samples if form else [])
    rec = [CHROM, str(POS), '.', REF, ALT, '60', 'PASS', inf] + ([form] + cols if form else [])
    with open(path, 'w') as f:
        f.write('\n'.join(lines + ['\t'.join(chrom), '\t'.join(rec)]) + '\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--bin', default=os.path.join(TOP, 'mcrc-report'))
    ap.add_argument('--out', default=os.path.join(TOP, 'tests', 'out', 'flip', 'dialects'))
    a = ap.parse_args()
    shutil.rmtree(a.out, ignore_errors=True)
    os.makedirs(a.out)
    npass = nfail = 0
    rows = []
    for d in DIALECTS:
        for point, vaf, dp, want_mutant in POINTS:
            path = os.path.join(a.out, '%s.%s.vcf' % (d[0], point))
            write_vcf(path, d, vaf, dp)
            out = path[:-4] + '.xml'
            p = subprocess.run([a.bin, '--no-version', '-o', out, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=20)
            err = p.stderr.decode('utf-8', 'replace').strip()
            got, fields = None, ''
            if p.returncode == 0 and os.path.exists(out):
                xml = open(out).read()
                m = re.search(r'<biomarker gene="KRAS"[^>]*status="([a-z-]+)"', xml)
                got = m.group(1) if m else None
                vm = re.search(r'<variant [^>]*pos="%d"[^>]*/>' % POS, xml)
                if vm:
                    at = dict(re.findall(r'([a-z-]+)="([^"]*)"', vm.group(0)))
                    fields = 'vaf=%s (%s) depth=%s (%s)' % (at.get('vaf', '?'), at.get('vaf-field', '-'),
                                                            at.get('depth', '?'), at.get('depth-field', '-'))
                result = got
            elif p.returncode == 2 and len(err.split('\n')) == 1 and not os.path.exists(out):
                result = 'exit 2'
            else:
                result = 'exit %d' % p.returncode
            if want_mutant:
                ok = result == 'mutant'
            else:
                ok = result in ('indeterminate', 'exit 2') or (got is not None and got not in ('mutant',) and
                                                              p.returncode == 0)
            want = 'mutant' if want_mutant else 'not mutant'
            line = '%s %-20s %-9s vaf %.3f depth %3d: expected %s, got %s%s' % (
                'PASS' if ok else 'FAIL', d[0], point, vaf, dp, want, result, ('; ' + fields) if fields else
                ('; ' + err.split('\n')[-1][:200] if err and result != got else ''))
            print(line)
            rows.append((d[0], point, ok, result))
            if ok:
                npass += 1
            else:
                nfail += 1
    print('%d passed, %d failed' % (npass, nfail))
    return 0 if nfail == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
