"""Writes a tiny TrueType font whose every glyph is a square, for the characters given:
python3 tests/data/tiny_font.py OUT.ttf CHARS. tests/data/tiny-squares.ttf was written so, with
the characters "标题一二三四五六七八九十。（）下转版上接中文", for the glyph preflight tests."""
import struct,sys
chars=[ord(c) for c in sys.argv[2]]
out=sys.argv[1]
n=len(chars)+1
upm=1000
def pad4(b): return b+b'\0'*((4-len(b)%4)%4)
# simple square glyph
def glyph():
    # one contour, 4 points
    endPts=struct.pack('>H',3)
    flags=bytes([1,1,1,1])
    xs=[100,900,900,100]; ys=[-100,-100,800,800]
    dx=[xs[0]]+[xs[i]-xs[i-1] for i in range(1,4)]
    dy=[ys[0]]+[ys[i]-ys[i-1] for i in range(1,4)]
    xb=b''.join(struct.pack('>h',v) for v in dx); yb=b''.join(struct.pack('>h',v) for v in dy)
    return struct.pack('>hhhhh',1,100,-100,900,800)+endPts+struct.pack('>H',0)+flags+xb+yb
glyphs=[b'']+[glyph() for _ in chars]
glyf=b'';loca=[]
for g in glyphs:
    loca.append(len(glyf)); glyf+=pad4(g)
loca.append(len(glyf))
locab=b''.join(struct.pack('>I',o) for o in loca)
head=struct.pack('>HHIIIHHqqhhhhHHhhh',1,0,0x10000,0,0x5F0F3CF5,0,upm,0,0,0,-120,1000,880,0,8,2,1,0)
hhea=struct.pack('>HHhhhHhhhhhhhhhhhH',1,0,880,-120,0,1000,0,0,1000,1,0,0,0,0,0,0,0,n)
maxp=struct.pack('>HHHHHHHHHHHHHHH',1,0,n,4,1,0,0,2,0,0,0,0,0,0,0)
hmtx=b''.join(struct.pack('>Hh',1000,100) for _ in range(n))
# cmap format 12
groups=sorted((c,i+1) for i,c in enumerate(chars))
sub=struct.pack('>HHIII',12,0,16+12*len(groups),0,len(groups))+b''.join(struct.pack('>III',c,c,g) for c,g in groups)
cmap=struct.pack('>HH',0,2)+struct.pack('>HHI',0,4,20)+struct.pack('>HHI',3,10,20)+sub
def nrec(s):
    return s.encode('utf-16-be')
names=[(1,'Tiny'),(2,'Regular'),(4,'Tiny Regular'),(6,'Tiny-Regular')]
strs=b'';recs=b''
for nid,s in names:
    b=nrec(s); recs+=struct.pack('>HHHHHH',3,1,0x409,nid,len(b),len(strs)); strs+=b
name=struct.pack('>HHH',0,len(names),6+12*len(names))+recs+strs
post=struct.pack('>IIhhIIIII',0x30000,0,0,0,0,0,0,0,0)
os2=struct.pack('>HhHHHhhhhhhhhhhh',4,1000,400,5,0,650,600,0,75,650,600,0,300,50,300,0)+bytes(10)+struct.pack('>IIII',0,0,0,0)+b'NONE'+struct.pack('>HHHhhhHH',0x40,min(chars),min(max(chars),0xFFFF),880,-120,0,880,120)+struct.pack('>II',1,0)+struct.pack('>hhHHH',500,700,0,32,0)
tables={b'head':head,b'hhea':hhea,b'maxp':maxp,b'hmtx':hmtx,b'cmap':cmap,b'loca':locab,b'glyf':glyf,b'name':name,b'post':post,b'OS/2':os2}
tags=sorted(tables)
off=12+16*len(tags)
hdr=struct.pack('>IHHHH',0x10000,len(tags),128,3,len(tags)*16-128)
dirs=b'';body=b''
def csum(b):
    b=pad4(b); return sum(struct.unpack('>%dI'%(len(b)//4),b))&0xffffffff
for t in tags:
    d=tables[t]
    dirs+=struct.pack('>4sIII',t,csum(d),off+len(body),len(d))
    body+=pad4(d)
open(out,'wb').write(hdr+dirs+body)
